// Keeps a survey's unsent answers in this browser, so that someone who closes the page or loses their connection
// can come back and finish. Only an enhancement: without it the form works the same, answers are just not kept.
// The key is a hash the page gives (never the link or its token); the copy is removed once the answers are sent.
const PENDING = "waypoint-survey-sent";

function read(key) {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "{}") ?? {};
  } catch {
    return {};
  }
}

function write(key, values) {
  try {
    localStorage.setItem(key, JSON.stringify(values));
  } catch {
    // Storage can be full or turned off; the form still works.
  }
}

function keep(form) {
  const key = form.dataset.waypointSurvey;
  const stored = read(key);

  // Restore only what the page does not already hold, so answers the server sent back after an error win.
  for (const [name, value] of Object.entries(stored)) {
    const fields = form.elements.namedItem(name);
    if (!fields) {
      continue;
    }
    if (fields instanceof RadioNodeList) {
      if (!Array.from(fields).some((radio) => radio.checked)) {
        const radio = Array.from(fields).find((r) => r.value === value);
        if (radio) {
          radio.checked = true;
        }
      }
    } else if (fields instanceof HTMLTextAreaElement && fields.value === "") {
      fields.value = value;
    }
  }

  const save = (event) => {
    const field = event.target;
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || !field.name.startsWith("feature-")) {
      return;
    }
    const values = read(key);
    if (field.type === "radio" && !field.checked) {
      return;
    }
    if (field.value === "") {
      delete values[field.name];
    } else {
      values[field.name] = field.value;
    }
    write(key, values);
  };
  form.addEventListener("change", save);
  form.addEventListener("input", save);

  // The thank-you page clears the copy: only then do we know the answers were accepted.
  form.addEventListener("submit", () => {
    try {
      sessionStorage.setItem(PENDING, key);
    } catch {
      // Without session storage the copy stays until the browser's storage is cleared.
    }
  });
}

function clearSent() {
  try {
    const key = sessionStorage.getItem(PENDING);
    if (key && key.startsWith("waypoint-survey-")) {
      localStorage.removeItem(key);
    }
    sessionStorage.removeItem(PENDING);
  } catch {
    // Nothing to clear.
  }
}

document.querySelectorAll("form[data-waypoint-survey]").forEach(keep);
if (document.querySelector("[data-waypoint-survey-done]")) {
  clearSent();
}
