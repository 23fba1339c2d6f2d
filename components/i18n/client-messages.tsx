import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/** Client components get only the catalogue namespaces they use: pages stay light. */
export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const all = (await getMessages()) as Record<string, unknown>;
  const picked = Object.fromEntries(["errors", "forms", ...namespaces].map((name) => [name, all[name]]));
  return <NextIntlClientProvider messages={picked as never}>{children}</NextIntlClientProvider>;
}
