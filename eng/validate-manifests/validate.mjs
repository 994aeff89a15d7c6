// Validates every Kubernetes object in a YAML stream (stdin, or the files given) against the Kubernetes OpenAPI
// schema, through kubernetes-models. Exits 1 naming each invalid object and what is wrong with it.
//   kubectl kustomize manifests | node eng/validate-manifests/validate.mjs
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const sources = process.argv.length > 2 ? process.argv.slice(2) : ["/dev/stdin"];
let checked = 0;
const failures = [];

for (const source of sources) {
  for (const document of parseAllDocuments(readFileSync(source, "utf8"))) {
    const object = document.toJS();
    if (!object) continue;
    const name = `${object.apiVersion}/${object.kind} ${object.metadata?.name ?? "(no name)"}`;
    let Model;
    try {
      ({ [object.kind]: Model } = await import(`kubernetes-models/${object.apiVersion}/${object.kind}`));
    } catch {
      failures.push(`${name}: no schema for this apiVersion and kind`);
      continue;
    }
    try {
      new Model(object).validate();
      checked++;
    } catch (error) {
      failures.push(`${name}: ${error.message}`);
    }
  }
}

for (const failure of failures) console.error(`invalid: ${failure}`);
console.log(`${checked} objects valid against the Kubernetes schema, ${failures.length} invalid`);
process.exit(failures.length === 0 && checked > 0 ? 0 : 1);
