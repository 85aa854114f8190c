// Validates every object in a rendered manifest against the Kubernetes API schema of its kind
// (kubernetes-models: JSON schemas generated from the Kubernetes OpenAPI document). An unknown
// apiVersion/kind fails too.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const file = process.argv[2];
let valid = 0;
const problems = [];
for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
  const obj = doc.toJS();
  if (!obj) continue;
  const where = `${obj.kind}/${obj.metadata?.name}`;
  const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
  let Model;
  try {
    Model = (await import(`kubernetes-models/${group ? group + "/" : ""}${version}/${obj.kind}`))[obj.kind];
  } catch (e) {
    problems.push(`${where}: no schema for ${obj.apiVersion} ${obj.kind}`);
    continue;
  }
  try {
    new Model(obj).validate();
    valid++;
  } catch (e) {
    problems.push(`${where}: ${e.message}`);
  }
}
problems.forEach((p) => console.error(p));
console.log(`${file}: ${valid} objects valid against the Kubernetes schemas, ${problems.length} invalid`);
process.exit(problems.length ? 1 : 0);
