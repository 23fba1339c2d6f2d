import { formError, type FormState } from "./form-state";

/** The body of a thin server action: do the work, refresh the pages that show it, report. */
export async function runAction(
  values: Record<string, unknown>,
  work: () => Promise<unknown>,
  options: { refresh?: () => void; message?: string } = {},
): Promise<FormState> {
  try {
    await work();
  } catch (error) {
    return formError(error, values);
  }
  options.refresh?.();
  return { status: "ok", message: options.message };
}
