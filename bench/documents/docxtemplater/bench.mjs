// Renders a docxtemplater-flavoured copy of the tripartite contract N times, single thread.
// Usage: node bench.mjs TEMPLATE.docx DATA.json [COUNT] [OUT.docx]
// Prints one line: "docxtemplater <count> docs in <ms> ms: <docs/s> docs/s, peak RSS <MB> MB" (best of 3 rounds).
import { readFileSync, writeFileSync } from "node:fs";
import PizZip from "pizzip";
import Docxtemplater from "docxtemplater";

const [templatePath, dataPath, countArg, outPath] = process.argv.slice(2);
if (!templatePath || !dataPath) {
  console.error("usage: node bench.mjs TEMPLATE.docx DATA.json [COUNT] [OUT.docx]");
  process.exit(2);
}
const template = readFileSync(templatePath);
const data = JSON.parse(readFileSync(dataPath, "utf8"));
const count = Number(countArg ?? 1000);

function render() {
  const zip = new PizZip(template);
  const doc = new Docxtemplater(zip, {
    delimiters: { start: "{{", end: "}}" },
    paragraphLoop: true,
    linebreaks: true,
  });
  doc.render(data);
  return doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" });
}

// Warm-up: 200 renders, or COUNT when fewer (a twenty-page report takes a while).
for (let i = 0; i < Math.min(200, count); i++) render();
// Best of three rounds, as on the .NET side.
let peakRss = process.memoryUsage().rss;
let ms = Infinity;
let last;
for (let round = 0; round < 3; round++) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    last = render();
    if (i % 50 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  ms = Math.min(ms, Number(process.hrtime.bigint() - start) / 1e6);
}
peakRss = Math.max(peakRss, process.memoryUsage().rss);
if (outPath) writeFileSync(outPath, last);
console.log(`docxtemplater ${count} docs in ${ms.toFixed(0)} ms: ${(count / (ms / 1000)).toFixed(1)} docs/s, peak RSS ${(peakRss / 1048576).toFixed(0)} MB`);
