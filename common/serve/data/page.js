// The search page: reads its state from the URL (?q=노광+장비&sort=-date&source=…&month=2024-04&page=2
// &article=ID&line=17), asks /api/search and /api/article/ID, and builds every element with
// textContent: nothing the index or the user wrote is ever parsed as HTML.
"use strict";

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 200;
const STATE_KEYS = ["q", "sort", "source", "month", "page", "article", "line"];

const $ = (id) => document.getElementById(id);
let composing = false;    // inside a Hangul (IME) composition: the text is not final yet
let typingTimer = null;
let searchSeq = 0;        // only the newest search's answer is shown

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function readState() {
  const params = new URLSearchParams(location.search);
  const state = {};
  for (const key of STATE_KEYS) state[key] = params.get(key) || "";
  if (!state.sort) state.sort = "relevance";
  return state;
}

function stateUrl(state) {
  const params = new URLSearchParams();
  for (const key of STATE_KEYS) {
    const value = state[key];
    if (!value || (key === "sort" && value === "relevance") || (key === "page" && value === "1")) continue;
    params.set(key, value);
  }
  const text = params.toString();
  return text ? "/?" + text : "/";
}

// A new state: pushed (a step back returns to it) or replacing the current one (typing).
function go(changes, { replace = false, typing = false } = {}) {
  const state = Object.assign(readState(), changes);
  const url = stateUrl(state);
  if (url !== location.pathname + location.search) {
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
  }
  render({ typing });
}

function lastDayOf(month) {
  const [y, m] = month.split("-").map(Number);
  return month + "-" + String(new Date(y, m, 0).getDate()).padStart(2, "0");
}

// The words of a phrase search for the publisher: a quote inside it would end the phrase.
function sourceFilter(source) {
  return ' source:"' + source.replace(/"/g, " ") + '"';
}

// The query as sent: with the publisher filter after it (a query with OR in parentheses,
// so the filter applies to all of it).
function sentQuery(state) {
  if (!state.source) return state.q;
  return (/\bOR\b/.test(state.q) ? "(" + state.q + ")" : state.q) + sourceFilter(state.source);
}

// A suggestion for the query as sent, as the user's query: without the filter.
function typedQuery(state, query) {
  const filter = state.source ? sourceFilter(state.source) : "";
  return filter && query.endsWith(filter) ? query.slice(0, -filter.length) : query;
}

function apiUrl(state) {
  const params = new URLSearchParams();
  params.set("q", sentQuery(state));
  params.set("n", String(PAGE_SIZE));
  const page = Math.max(1, parseInt(state.page || "1", 10) || 1);
  if (page > 1) params.set("offset", String((page - 1) * PAGE_SIZE));
  if (state.sort !== "relevance") params.set("sort", state.sort);
  if (/^\d{4}-\d{2}$/.test(state.month)) {
    params.set("since", state.month + "-01");
    params.set("until", lastDayOf(state.month));
  }
  params.set("facets", "source,month");
  // A person reads this page, as at a terminal: when nothing typed matches, the best
  // correction is searched and said so (the API, like search --json, does not by itself).
  params.set("suggest", "apply");
  return "/api/search?" + params.toString();
}

async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.status + " " + response.statusText;
    throw new Error(message);
  }
  return body;
}

// The snippet as text and <mark> pieces; highlights are [start, end) in code points.
function snippetNode(hit) {
  const chars = Array.from(hit.snippet);
  const node = el("p", { class: "snippet" });
  let at = 0;
  for (const [start, end] of hit.highlights) {
    if (start < at || end <= start || end > chars.length) continue;
    if (start > at) node.append(chars.slice(at, start).join(""));
    node.append(el("mark", { text: chars.slice(start, end).join("") }));
    at = end;
  }
  if (at < chars.length) node.append(chars.slice(at).join(""));
  return node;
}

// 조선일보 · 2024-04-02 · corpus/002.txt:17
function citationText(hit) {
  const parts = [];
  if (hit.source) parts.push(hit.source);
  if (hit.date) parts.push(hit.date);
  parts.push(hit.path + ":" + hit.line);
  return parts.join(" · ");
}

function queryLink(sent, className) {
  const query = typedQuery(readState(), sent);
  return el("a", {
    class: className, href: stateUrl(Object.assign(readState(), { q: query, page: "" })), text: query,
    onclick: (event) => {  // the filters stay
      event.preventDefault();
      $("q").value = query;
      go({ q: query, page: "", article: "", line: "" });
    },
  });
}

function renderHelp(state, summary, hits) {
  const help = $("help");
  help.replaceChildren();
  const suggestions = summary.suggestions.filter((s) => s.kind !== "initials");
  if (summary.showing_results_for) {
    help.append("‘" + state.q + "’에 대한 검색 결과가 없어 ‘",
                queryLink(summary.showing_results_for, "showing-for"), "’의 검색 결과를 표시합니다.");
    const others = suggestions.slice(1);
    if (others.length) {
      help.append(" 다른 제안: ");
      others.forEach((s, i) => help.append(i ? ", " : "", queryLink(s.query, "suggestion")));
    }
  } else if (suggestions.length) {
    help.append("혹시 이것을 찾으셨나요? ");
    suggestions.forEach((s, i) => help.append(i ? ", " : "", queryLink(s.query, "suggestion")));
  } else if (hits.length && summary.suggestions.length) {
    help.append("초성 검색: 첫 결과는 ‘" + typedQuery(state, summary.suggestions[0].query) + "’(으)로 읽었습니다.");
  }
  help.hidden = help.childNodes.length === 0;
}

function facetButton(kind, value, count, active) {
  const label = value === null ? (kind === "month" ? "날짜 없음" : "(없음)") : value;
  const pressed = active === value;
  const button = el("button", {
    type: "button", "aria-pressed": String(pressed), "data-value": value === null ? "" : value,
    onclick: () => go({ [kind]: pressed ? "" : value, page: "", article: "", line: "" }),
  }, label, el("span", { class: "count", text: String(count) }));
  if (value === null) button.disabled = true;  // nothing to filter on
  return el("li", {}, button);
}

function renderFacets(state, summary) {
  const facets = summary.facets || {};
  $("facet-source").replaceChildren(...(facets.source || []).map((f) => facetButton("source", f.value, f.count, state.source)));
  $("facet-month").replaceChildren(...(facets.month || []).map((f) => facetButton("month", f.value, f.count, state.month)));
  const filters = [];
  if (state.source) filters.push(["source", "언론사: " + state.source]);
  if (state.month) filters.push(["month", "월: " + state.month]);
  $("filter-list").replaceChildren(...filters.map(([kind, label]) => el("li", {}, el("button", {
    type: "button", class: "remove-filter", "aria-label": label + " 필터 해제",
    onclick: () => go({ [kind]: "", page: "", article: "", line: "" }),
  }, label + " ✕"))));
  $("filters").hidden = filters.length === 0;
  $("facets").hidden = false;
}

function hitNode(hit) {
  const title = el("h3", { class: "title", text: hit.title || hit.id });
  if (hit.match === "partial") title.append(el("span", { class: "partial", text: "(일부만 일치)" }));
  const citation = el("button", {
    type: "button", class: "citation", title: "기사에서 이 줄 보기", text: citationText(hit),
    onclick: () => go({ article: hit.id, line: String(hit.line) }),
  });
  const node = el("li", { class: "hit", "data-id": hit.id }, title, citation, snippetNode(hit));
  if (hit.copies.length) {
    node.append(el("p", { class: "copies", text: "같은 기사: " + hit.copies.map((c) =>
      c.path + (c.source ? " (" + c.source + ")" : "")).join("; ") }));
  }
  return node;
}

function renderResults(state, body) {
  const { hits, summary } = body;
  const page = Math.max(1, parseInt(state.page || "1", 10) || 1);
  const status = $("status");
  status.className = "";
  if (!hits.length) {
    status.className = "none";
    status.textContent = page > 1 ? "이 쪽에는 결과가 더 없습니다." : "‘" + state.q + "’에 대한 검색 결과가 없습니다.";
  } else {
    const first = (page - 1) * PAGE_SIZE + 1;
    status.textContent = "약 " + summary.estimated_matches.toLocaleString("ko-KR") + "건 중 " + first + "–" +
      (first + hits.length - 1) + "번째 결과";
  }
  renderHelp(state, summary, hits);
  renderFacets(state, summary);
  $("results").replaceChildren(...hits.map(hitNode));
  $("paging").hidden = page === 1 && hits.length < PAGE_SIZE;
  $("prev").disabled = page === 1;
  $("next").disabled = hits.length < PAGE_SIZE;
  $("page-label").textContent = page + "쪽";
}

function clearResults(message, className) {
  $("status").className = className || "";
  $("status").textContent = message;
  $("help").hidden = true;
  $("results").replaceChildren();
  $("paging").hidden = true;
  $("facets").hidden = true;
}

async function renderArticle(state) {
  const view = $("article");
  const line = parseInt(state.line || "0", 10);
  try {
    const article = await fetchJson("/api/article/" + encodeURIComponent(state.article));
    $("article-title").textContent = article.title || article.id;
    const meta = [article.author, article.source, article.date, article.updated ? "수정 " + article.updated : null,
                  article.path + (line ? ":" + line : "")].filter(Boolean);
    $("article-meta").textContent = meta.join(" · ");
    let cited = null;
    $("article-lines").replaceChildren(...article.lines.map((l) => {
      const item = el("li", { "data-line": String(l.line) },
                      el("span", { class: "number", text: String(l.line) }), el("span", { class: "text", text: l.text }));
      if (l.line === line) { item.className = "cited"; item.setAttribute("aria-current", "true"); cited = item; }
      return item;
    }));
    view.hidden = false;
    $("results-panel").hidden = true;
    view.focus();
    if (cited) cited.scrollIntoView({ block: "center" });
  } catch (error) {
    $("article-title").textContent = "기사를 열 수 없습니다";
    $("article-meta").textContent = error.message;
    $("article-lines").replaceChildren();
    view.hidden = false;
    $("results-panel").hidden = true;
  }
}

// typing: the state comes from the search box, which may already hold more than it.
async function render({ typing = false } = {}) {
  const state = readState();
  if (!typing && $("q").value !== state.q) $("q").value = state.q;
  $("sort").value = state.sort;
  document.title = state.q ? state.q + " – kosearch 기사 검색" : "kosearch 기사 검색";
  if (state.article) {
    await renderArticle(state);
    return;
  }
  $("article").hidden = true;
  $("results-panel").hidden = false;
  if (!state.q.trim()) {
    clearResults("검색어를 입력하면 결과가 바로 나타납니다.");
    return;
  }
  const seq = ++searchSeq;
  try {
    const body = await fetchJson(apiUrl(state));
    if (seq !== searchSeq) return;  // a newer search has started
    renderResults(state, body);
  } catch (error) {
    if (seq !== searchSeq) return;
    clearResults("검색 오류: " + error.message, "error");
  }
}

function typed() {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    if (composing) return;
    const q = $("q").value;
    if (q === readState().q) return;
    go({ q, page: "", article: "", line: "" }, { replace: true, typing: true });
  }, DEBOUNCE_MS);
}

function setUp() {
  const input = $("q");
  input.addEventListener("compositionstart", () => { composing = true; clearTimeout(typingTimer); });
  input.addEventListener("compositionend", () => { composing = false; typed(); });
  input.addEventListener("input", (event) => { if (!event.isComposing && !composing) typed(); });
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    go({ q: input.value, page: "", article: "", line: "" });
  });
  $("sort").addEventListener("change", () => go({ sort: $("sort").value, page: "" }));
  $("prev").addEventListener("click", () => page(-1));
  $("next").addEventListener("click", () => page(+1));
  $("close-article").addEventListener("click", closeArticle);
  $("home").addEventListener("click", (event) => { event.preventDefault(); input.value = ""; go({ q: "", page: "", source: "", month: "", article: "", line: "" }); });
  document.addEventListener("keydown", (event) => {
    const inInput = event.target === input || event.target.tagName === "SELECT";
    if (event.key === "/" && !inInput) { event.preventDefault(); input.focus(); input.select(); }
    else if (event.key === "Escape" && !$("article").hidden) closeArticle();
    else if (event.altKey && event.key === "ArrowRight" && !$("next").disabled && !$("paging").hidden) page(+1);
    else if (event.altKey && event.key === "ArrowLeft" && !$("prev").disabled && !$("paging").hidden) page(-1);
  });
  window.addEventListener("popstate", () => render());
  render();
}

function page(step) {
  const current = Math.max(1, parseInt(readState().page || "1", 10) || 1);
  go({ page: String(Math.max(1, current + step)) });
  window.scrollTo(0, 0);
}

function closeArticle() {
  const id = readState().article;
  go({ article: "", line: "" });
  const hit = Array.from(document.querySelectorAll(".hit")).find((node) => node.dataset.id === id);
  if (hit) hit.querySelector(".citation").focus();
}

document.addEventListener("DOMContentLoaded", setUp);
