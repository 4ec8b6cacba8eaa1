// Builds wwwroot/css/waypoint.css from our Sass (which uses GOV.UK Frontend's) and copies the package's
// script, fonts and images, and Chart.js, into wwwroot. Run by the build; no output of this script is committed.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = dirname(fileURLToPath(import.meta.url));
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");

const result = sass.compile(join(root, "assets", "waypoint.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
mkdirSync(join(root, "wwwroot", "css"), { recursive: true });
writeFileSync(join(root, "wwwroot", "css", "waypoint.css"), result.css);

// The compiled CSS refers to /assets/images/...; we use our own fonts (the system's), so no fonts are copied.
cpSync(join(govuk, "assets", "images"), join(root, "wwwroot", "assets", "images"), { recursive: true });
mkdirSync(join(root, "wwwroot", "lib"), { recursive: true });
cpSync(join(govuk, "govuk-frontend.min.js"), join(root, "wwwroot", "lib", "govuk-frontend.min.js"));
// Chart.js's self-contained build: its ES module build imports a bare package name that browsers cannot resolve
// without an import map, which would have to be an inline script. js/charts.js imports this file for its global.
cpSync(join(root, "node_modules", "chart.js", "dist", "chart.umd.min.js"), join(root, "wwwroot", "lib", "chart.umd.min.js"));
console.log("waypoint: front-end assets built");
