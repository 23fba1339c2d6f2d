import { revalidatePath } from "next/cache";
import { formError, type FormState } from "./form-state";

/** The body of a thin server action: do the work, refresh the pages that show it, report. */
export async function runAction(
  values: Record<string, unknown>,
  work: () => Promise<unknown>,
  options: { revalidate?: string[]; message?: string } = {},
): Promise<FormState> {
  try {
    await work();
  } catch (error) {
    return formError(error, values);
  }
  for (const path of options.revalidate ?? []) revalidatePath(path);
  return { status: "ok", message: options.message };
}
