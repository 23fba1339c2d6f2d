import { listConsultationsForApi } from "@/lib/api/consultations";
import { apiBaseUrl, apiError, json } from "@/lib/api/respond";

export async function GET(request: Request) {
  try {
    const cursor = new URL(request.url).searchParams.get("cursor");
    return json(await listConsultationsForApi(apiBaseUrl(), cursor));
  } catch (error) {
    return apiError(error);
  }
}
