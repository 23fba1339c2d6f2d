import type { FormState } from "@/lib/actions/form-state";

/** What the create-token action returns to its form: the new token (shown once) or the refusal. */
export type TokenFormState = FormState<{ name: string; expiresInDays: string }> | { status: "created"; token: string; name: string };
