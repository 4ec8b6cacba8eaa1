// Progressive enhancement only: every page works without this script.
import { initAll } from "/lib/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// Charts load only on pages that have some to draw.
if (document.querySelector("[data-waypoint-chart], [data-waypoint-sparkline], [data-waypoint-reliability], [data-waypoint-bars]")) {
  import("/js/charts.js");
}

// The survey keeps unsent answers in this browser, only on the pages that take part in one.
if (document.querySelector("[data-waypoint-survey], [data-waypoint-survey-done]")) {
  import("/js/survey.js");
}
