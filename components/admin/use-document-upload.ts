"use client";

import { useState, type FormEvent } from "react";
import type { FormState } from "@/lib/actions/form-state";
import type { ErrorCode } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/import/limits";

const IDLE: FormState = { status: "idle" };

type UploadHandlers<Answer> = {
  /** The chosen file is over the limit: refused here, before it is sent. */
  tooLarge: (size: number, confirming: boolean) => void;
  /** The server's answer (a preview or what was saved); `true` keeps the form pending while the page changes. */
  answer: (body: Answer, confirming: boolean) => boolean | void;
};

/**
 * The submission of a form that carries a document (the draft import, a
 * translation's): sent with fetch to its upload route and never reset, so the
 * chosen file and every field stay as they are; `intent=confirm` from the
 * button pressed means "save". A failure the server explains (or the network)
 * is given back as a form state for FormAlert.
 */
export function useDocumentUpload<Answer>(uploadUrl: string, handlers: UploadHandlers<Answer>) {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<FormState>(IDLE);
  const fail = (code: string | undefined, details: { reference?: string; retryAfterSeconds?: number } = {}) =>
    setFailure({ status: "error", code: (code ?? "UNEXPECTED") as ErrorCode | "UNEXPECTED", fieldErrors: {}, values: {}, ...details });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const confirming = data.get("intent") === "confirm";
    const file = data.get("file");
    if (file instanceof File && file.size > 0) {
      data.delete("pasted"); // the chosen file wins: one document per request
      if (file.size > MAX_IMPORT_BYTES) {
        setFailure(IDLE);
        handlers.tooLarge(file.size, confirming);
        return;
      }
    }
    setPending(true);
    try {
      const response = await fetch(uploadUrl, { method: "POST", body: data });
      const body = await response.json().catch(() => null);
      if (!response.ok || !body) {
        const error = body?.error;
        fail(error?.code ?? (response.status === 413 ? "PAYLOAD_TOO_LARGE" : undefined), { reference: error?.reference, retryAfterSeconds: error?.retryAfterSeconds });
      } else {
        setFailure(IDLE);
        if (handlers.answer(body as Answer, confirming) === true) return; // stays pending while the next page loads
      }
    } catch {
      fail(undefined);
    }
    setPending(false);
  }

  return { pending, failure, submit };
}
