/**
 * The player page served on the content origin: it hosts the scorm-again
 * runtime (window.API for SCORM 1.2, window.API_1484_11 for 2004) and loads
 * the SCO in a frame of the same origin, where the SCO finds the API by
 * walking up its parents. Commits go to the runtime endpoint of the player's
 * token; the last one on unload goes by sendBeacon.
 */
export function playerHtml(token: string, itemId: string | null, lang: string): string {
  const data = JSON.stringify({ token, itemId }).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="${lang === "en" ? "en" : "id"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${lang === "en" ? "Learning content" : "Konten pembelajaran"}</title>
<style>html,body{margin:0;height:100%;background:#fff;font-family:system-ui,sans-serif}#sco{border:0;width:100%;height:100%;display:block}#msg{padding:1rem;color:#b00020}</style>
<script src="/content/lib/scorm-again.js"></script>
<script id="launch" type="application/json">${data}</script>
</head>
<body>
<div id="msg" role="alert" hidden></div>
<iframe id="sco" title="${lang === "en" ? "Learning content" : "Konten pembelajaran"}" allow="fullscreen; autoplay"></iframe>
<script src="/content/lib/player.js"></script>
</body>
</html>`;
}

/** The player's own script (served as /content/lib/player.js). */
export const PLAYER_SCRIPT = `(function () {
  "use strict";
  var launch = JSON.parse(document.getElementById("launch").textContent);
  var base = "/content/runtime/" + encodeURIComponent(launch.token);
  function fail(text) {
    var m = document.getElementById("msg");
    m.textContent = text;
    m.hidden = false;
    window.parent.postMessage({ type: "abdi-content", event: "error", message: text }, "*");
  }
  var url = base + (launch.itemId ? "?item=" + encodeURIComponent(launch.itemId) : "");
  fetch(url, { credentials: "omit" })
    .then(function (r) { return r.json().then(function (body) { if (!r.ok) throw new Error(body.detail || body.title || r.statusText); return body; }); })
    .then(function (state) {
      var commitUrl = base + "/attempts/" + encodeURIComponent(state.attemptId) + "/commit";
      var settings = {
        autocommit: true,
        autocommitSeconds: 15,
        lmsCommitUrl: commitUrl,
        dataCommitFormat: "json",
        terminateCommitParam: "terminate",
        logLevel: 5,
        autoCompleteLessonStatus: true,
        mastery_override: true,
        xhrWithCredentials: false
      };
      var api;
      if (state.standard === "scorm12") {
        api = new window.Scorm12API(settings);
        api.loadFromJSON(state.cmi, "");
        window.API = api;
      } else {
        api = new window.Scorm2004API(settings);
        api.loadFromJSON(state.cmi, "");
        window.API_1484_11 = api;
      }
      var notify = function (event) {
        return function () { window.parent.postMessage({ type: "abdi-content", event: event, item: state.item.id }, "*"); };
      };
      api.on(state.standard === "scorm12" ? "LMSCommit" : "Commit", notify("commit"));
      api.on(state.standard === "scorm12" ? "LMSFinish" : "Terminate", notify("terminate"));
      document.getElementById("sco").src = "/content/p/" + encodeURIComponent(launch.token) + "/" + state.item.launch;
      window.parent.postMessage({ type: "abdi-content", event: "ready", item: state.item.id }, "*");
    })
    .catch(function (err) { fail(String(err && err.message ? err.message : err)); });
})();
`;
