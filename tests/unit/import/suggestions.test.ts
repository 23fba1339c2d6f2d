import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { guessLanguage, suggestTitle } from "@/lib/consultations/import-suggestions";
import { parseOk } from "./parse-helpers";

const fixture = readFileSync(path.resolve(import.meta.dirname, "../../fixtures/igf-2025-lillestrom-messages.zh.md"), "utf8");

describe("the title the import suggests", () => {
  it("is the document's title, else its first heading, else the file's name", () => {
    expect(suggestTitle(parseOk("# Messages 2026\n\n## Trust\n\n- One.\n"), "draft.md")).toBe("Messages 2026");
    expect(suggestTitle(parseOk("# Trust\n\n- One.\n\n# Access\n\n- Two.\n"), "draft.md")).toBe("Trust");
    expect(suggestTitle(parseOk("- One.\n- Two.\n"), "IGF_2026 draft.v2.docx")).toBe("IGF 2026 draft.v2");
    expect(suggestTitle(parseOk("- One.\n- Two.\n"), null)).toBeNull();
  });
});

describe("the language the import guesses", () => {
  it.each([
    ["zh", fixture],
    ["ar", "# الثقة الرقمية\n\n- يجب أن تكون الحوكمة شاملة للجميع.\n"],
    ["ru", "# Цифровое доверие\n\n- Управление должно быть инклюзивным.\n"],
    ["en", "# Digital trust\n\n- Trust is built on transparency and the rule of law.\n"],
    ["fr", "# La confiance\n\n- La confiance est la base des échanges et du dialogue pour les citoyens.\n"],
    ["es", "# La confianza\n\n- El acceso y la conectividad para los pueblos que no tienen una red.\n"],
    ["de", "# Vertrauen\n\n- Die Verwaltung und das Netz sind nicht mit der Zeit gewachsen.\n"],
  ])("reads %s", (language, markdown) => {
    expect(guessLanguage(parseOk(markdown))).toBe(language);
  });

  it("reads a Chinese document that quotes English names as Chinese", () => {
    expect(guessLanguage(parseOk("# 互联网治理论坛 (IGF)\n\n- 互联网治理论坛 Internet Governance Forum 的信息草案。\n"))).toBe("zh");
  });
});
