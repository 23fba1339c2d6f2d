"use client";

import { useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";

const subscribe = () => () => {};

type CopyButtonProps = { targetId: string; label: string };

/**
 * Copies the value of the field `targetId`. Shown only once scripts run: without
 * them the value stays in its read-only field, to select and copy by hand.
 */
export function CopyButton({ targetId, label }: CopyButtonProps) {
  const t = useTranslations("account");
  const scripted = useSyncExternalStore(subscribe, () => true, () => false);
  const [copied, setCopied] = useState<boolean | null>(null);
  if (!scripted) return null;
  const copy = async () => {
    const field = document.getElementById(targetId) as HTMLInputElement | null;
    if (!field) return;
    try {
      await navigator.clipboard.writeText(field.value);
      setCopied(true);
    } catch {
      // No clipboard permission (an insecure origin, a refused prompt): leave the value selected to copy by hand.
      field.select();
      setCopied(false);
    }
  };
  return (
    <>
      <button type="button" className="secondary" onClick={copy}>
        {label}
      </button>{" "}
      <span role="status">{copied === null ? null : copied ? t("copied") : t("copyFailed")}</span>
    </>
  );
}
