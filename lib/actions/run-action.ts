import { formError, type FormState } from "./form-state";

/**
 * The body of a thin server action: do the work, refresh the pages that show
 * it, report (the message may depend on the result). A refusal for the
 * deadline refreshes them too, so that the whole page agrees with the
 * server's answer (it shows the consultation closed) while the form keeps
 * what was typed.
 */
export async function runAction<T>(
  values: Record<string, unknown>,
  work: () => Promise<T>,
  options: { refresh?: () => void; message?: string | ((result: T) => string | { key: string; values: Record<string, string> }); focusId?: (result: T) => string } = {},
): Promise<FormState> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    const state = formError(error, values);
    if (state.status === "error" && state.code === "DEADLINE_PASSED") options.refresh?.();
    return state;
  }
  options.refresh?.();
  const message = typeof options.message === "function" ? options.message(result) : options.message;
  const focusId = options.focusId?.(result);
  return typeof message === "object" ? { status: "ok", message: message.key, messageValues: message.values, focusId } : { status: "ok", message, focusId };
}
