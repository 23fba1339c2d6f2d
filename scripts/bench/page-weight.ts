import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Compressed bytes of a page: its HTML, its CSS, Next.js's own runtime, and the app's JavaScript. */
export async function pageWeight(root: string, baseUrl: string, pagePath: string) {
  const html = await (await fetch(baseUrl + pagePath)).text();
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/build-manifest.json"), "utf8")) as { rootMainFiles: string[]; polyfillFiles: string[] };
  const runtimeFiles = new Set([...manifest.rootMainFiles, ...manifest.polyfillFiles].map((file) => `/_next/${file}`));
  const assets = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((match) => match[1]!);
  const totals = { html: gzipSync(html).length, css: 0, runtime: 0, app: 0 };
  for (const asset of new Set(assets)) {
    const size = gzipSync(Buffer.from(await (await fetch(baseUrl + asset)).arrayBuffer())).length;
    if (asset.endsWith(".css")) totals.css += size;
    else if (runtimeFiles.has(asset) || asset.includes("/turbopack-")) totals.runtime += size;
    else if (asset.endsWith(".js")) totals.app += size;
  }
  return totals;
}
