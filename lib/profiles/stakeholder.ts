import { Region, StakeholderGroup } from "@/lib/db/generated/enums";

// The IGF's own reporting categories (its participation tables), in its order.
export const STAKEHOLDER_GROUPS = [
  StakeholderGroup.CIVIL_SOCIETY,
  StakeholderGroup.GOVERNMENT,
  StakeholderGroup.INTERGOVERNMENTAL_ORGANISATION,
  StakeholderGroup.PRIVATE_SECTOR,
  StakeholderGroup.TECHNICAL_COMMUNITY,
  StakeholderGroup.PRESS_MEDIA,
  StakeholderGroup.ACADEMIA,
  StakeholderGroup.OTHER,
] as const;

export const REGIONS = [
  Region.AFRICA,
  Region.ASIA_PACIFIC,
  Region.EASTERN_EUROPE,
  Region.LATIN_AMERICA_CARIBBEAN,
  Region.WESTERN_EUROPE_OTHERS,
  Region.INTERGOVERNMENTAL_ORGANISATION,
] as const;

export type { Region, StakeholderGroup };
