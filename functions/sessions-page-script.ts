/**
 * The rater's phone page: plain browser JavaScript (no build step, no framework), served inline by
 * sessions-page.ts. The code comes in the URL's fragment (#c=…), which browsers never send to a server.
 */
export const RATER_SCRIPT = String.raw`
(function () {
  "use strict";
  var zh = !/^en/i.test(navigator.language || "zh");
  var T = function (z, e) { return zh ? z : e; };
  document.documentElement.lang = zh ? "zh-CN" : "en";
  var API = location.pathname.replace(/\/vote\/?$/, "");
  var main = document.getElementById("main");
  var live = document.getElementById("live");
  var state = { code: "", form: null, answers: {} };

  function h(tag, attrs, kids) {
    var el = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === "text") el.textContent = attrs[k];
      else if (k.slice(0, 2) === "on") el.addEventListener(k.slice(2), attrs[k]);
      else if (attrs[k] !== false && attrs[k] != null) el.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    }
    (kids || []).forEach(function (c) { if (c) el.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return el;
  }
  function show(nodes, focusFirst) {
    main.innerHTML = "";
    nodes.forEach(function (n) { if (n) main.appendChild(n); });
    window.scrollTo(0, 0);
    var f = main.querySelector(focusFirst || "h1");
    if (f) { f.setAttribute("tabindex", "-1"); f.focus(); }
  }
  function say(text) { live.textContent = ""; setTimeout(function () { live.textContent = text; }, 50); }
  function post(path, body) {
    return fetch(API + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().catch(function () { return {}; }).then(function (j) { return { status: r.status, body: j }; }); });
  }
  function problemText(p) {
    if (p && p.message) return zh ? p.message["zh-CN"] : p.message.en;
    return T("网络或服务暂时不可用，请稍后重试；您的填写已保存在本机", "The network or the service is unavailable; try again shortly. Your answers are saved on this phone");
  }
  var draftKey = function () { return "kaoping-draft:" + state.code; };
  var receiptKey = function () { return "kaoping-receipt:" + state.code; };
  function saveDraft() { try { localStorage.setItem(draftKey(), JSON.stringify(state.answers)); } catch (e) {} }

  function refusal(p) {
    var title = T("无法投票", "Cannot vote");
    show([
      h("h1", { text: title }),
      h("p", { class: "refusal", role: "alert", text: problemText(p) }),
      p && p.status === 404 ? codeEntry() : null,
    ]);
  }

  function codeEntry() {
    var input = h("input", { id: "code", name: "code", autocomplete: "off", autocapitalize: "characters", spellcheck: "false", inputmode: "text" });
    return h("form", { class: "code-entry", onsubmit: function (e) { e.preventDefault(); start(input.value); } }, [
      h("label", { for: "code", text: T("输入测评条上的码", "Type the code on your slip") }),
      input,
      h("button", { type: "submit", class: "primary", text: T("开始", "Start") }),
    ]);
  }

  function answeredCount() {
    var f = state.form, n = 0;
    f.cadres.forEach(function (c) { if (complete(c.cadreId)) n++; });
    return n;
  }
  function complete(id) {
    var a = state.answers[id] || {}, f = state.form;
    var ok = f.dimensions.every(function (d) { return a[d.key] !== undefined && a[d.key] !== ""; });
    return ok && (!f.gradeVote || a.gradeVote !== undefined);
  }
  function progress() {
    var f = state.form, n = answeredCount();
    var bar = document.getElementById("bar");
    if (!bar) return;
    bar.setAttribute("aria-valuenow", String(n));
    bar.setAttribute("aria-valuetext", T("已评 " + n + " / " + f.cadres.length + " 人", n + " of " + f.cadres.length + " done"));
    document.getElementById("bar-fill").style.width = (100 * n / f.cadres.length) + "%";
    document.getElementById("bar-text").textContent = T("已评 " + n + " / " + f.cadres.length + " 人", n + " of " + f.cadres.length + " done");
  }

  function choice(name, value, label, checked, onpick) {
    var id = name + "~" + value;
    return h("span", { class: "choice" }, [
      h("input", { type: "radio", id: id, name: name, value: value, checked: checked, onchange: function () { onpick(value); } }),
      h("label", { for: id, text: label }),
    ]);
  }

  function cadreCard(c, idx) {
    var f = state.form, a = state.answers[c.cadreId] || (state.answers[c.cadreId] = {});
    var set = function (k, v) { a[k] = v; saveDraft(); progress(); card.classList.toggle("done", complete(c.cadreId)); };
    var kids = [h("legend", {}, [h("span", { class: "name", text: (idx + 1) + ". " + c.name }), c.unit ? h("span", { class: "unit", text: c.unit }) : null])];
    f.dimensions.forEach(function (d) {
      var label = zh ? d.label["zh-CN"] : d.label.en;
      var name = "c" + idx + "-" + d.key;
      if (f.scores === "levels") {
        kids.push(h("div", { class: "dim", role: "radiogroup", "aria-label": c.name + " " + label }, [
          h("span", { class: "dim-label", "aria-hidden": "true", text: label }),
          h("span", { class: "choices" }, f.levels.map(function (l) {
            return choice(name, l.label, l.label, a[d.key] === l.label, function (v) { set(d.key, v); });
          })),
        ]));
      } else {
        var input = h("input", { id: name, type: "number", inputmode: "decimal", min: f.scale.min, max: f.scale.max, step: "0.01", value: a[d.key] === undefined ? "" : a[d.key],
          oninput: function () { set(d.key, input.value === "" ? undefined : Number(input.value)); } });
        kids.push(h("div", { class: "dim numeric" }, [
          h("label", { for: name, text: label + T("（" + f.scale.min + "–" + f.scale.max + " 分）", " (" + f.scale.min + "–" + f.scale.max + ")") }),
          input,
        ]));
      }
    });
    if (f.gradeVote) {
      var gname = "c" + idx + "-grade";
      var opts = f.grades.map(function (g) { return { v: g.label, t: zh ? g.label : g.en }; }).concat([{ v: "", t: T("弃权", "Abstain") }]);
      kids.push(h("div", { class: "dim grade", role: "radiogroup", "aria-label": c.name + " " + T("等次", "grade") }, [
        h("span", { class: "dim-label", "aria-hidden": "true", text: T("等次", "Grade") }),
        h("span", { class: "choices" }, opts.map(function (o) {
          return choice(gname, o.v || "abstain", o.t, a.gradeVote === o.v, function () { set("gradeVote", o.v); });
        })),
      ]));
    }
    var card = h("fieldset", { class: "cadre" + (complete(c.cadreId) ? " done" : ""), id: "cadre-" + idx }, kids);
    return card;
  }

  function formPage() {
    var f = state.form;
    var list = f.cadres.map(cadreCard);
    show([
      h("header", { class: "top" }, [
        h("h1", { text: f.title }),
        h("p", { class: "meta", text: T("测评主体：", "Rater group: ") + f.group.label + T(" · 不记名", " · anonymous") }),
      ]),
      h("div", { class: "bar-box" }, [
        h("div", { id: "bar", class: "bar", role: "progressbar", "aria-label": T("填写进度", "Progress"), "aria-valuemin": "0", "aria-valuemax": String(f.cadres.length) }, [
          h("div", { id: "bar-fill", class: "bar-fill" }),
        ]),
        h("p", { id: "bar-text", class: "bar-text", "aria-hidden": "true" }),
      ]),
      h("p", { class: "hint", text: T("请对每位干部逐项评价，填写会自动保存在本机；全部填完后点“检查并提交”。", "Rate every cadre on each item; your answers are kept on this phone as you go. When done, tap “Review and submit”.") }),
    ].concat(list).concat([
      h("div", { class: "actions" }, [h("button", { type: "button", class: "primary", id: "review", text: T("检查并提交", "Review and submit"), onclick: reviewPage })]),
    ]));
    progress();
  }

  function reviewPage() {
    var f = state.form;
    var missing = f.cadres.filter(function (c) { return !complete(c.cadreId); });
    var rows = f.cadres.map(function (c) {
      var a = state.answers[c.cadreId] || {};
      var cells = f.dimensions.map(function (d) { return h("td", { text: a[d.key] === undefined ? "—" : String(a[d.key]) }); });
      if (f.gradeVote) cells.push(h("td", { text: a.gradeVote === undefined ? "—" : a.gradeVote === "" ? T("弃权", "Abstain") : a.gradeVote }));
      return h("tr", { class: complete(c.cadreId) ? "" : "missing" }, [h("th", { scope: "row", text: c.name })].concat(cells));
    });
    var head = [h("th", { scope: "col", text: T("姓名", "Name") })].concat(f.dimensions.map(function (d) { return h("th", { scope: "col", text: zh ? d.label["zh-CN"] : d.label.en }); }));
    if (f.gradeVote) head.push(h("th", { scope: "col", text: T("等次", "Grade") }));
    show([
      h("h1", { text: T("检查您的测评票", "Check your ballot") }),
      missing.length > 0
        ? h("p", { class: "refusal", role: "alert", text: T("还有 " + missing.length + " 位未评完：" + missing.map(function (c) { return c.name; }).join("、") + "。请返回补全。", missing.length + " not finished: " + missing.map(function (c) { return c.name; }).join(", ") + ". Go back and complete them.") })
        : h("p", { class: "hint", text: T("提交后不能修改。确认无误后点“提交”。", "You cannot change it after submitting. Tap “Submit” when it is right.") }),
      h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": T("测评票内容", "Your ballot") }, [h("table", {}, [h("thead", {}, [h("tr", {}, head)]), h("tbody", {}, rows)])]),
      h("div", { class: "actions" }, [
        h("button", { type: "button", class: "secondary", text: T("返回修改", "Back to edit"), onclick: formPage }),
        missing.length === 0 ? h("button", { type: "button", class: "primary", id: "submit", text: T("提交", "Submit"), onclick: submit }) : null,
      ]),
      h("p", { id: "submit-error", class: "refusal", role: "alert", hidden: true }),
    ]);
  }

  function submit() {
    var f = state.form, btn = document.getElementById("submit");
    btn.disabled = true;
    btn.textContent = T("正在提交…", "Submitting…");
    var answers = f.cadres.map(function (c) { var a = state.answers[c.cadreId] || {}; var o = { cadreId: c.cadreId }; for (var k in a) if (a[k] !== undefined) o[k] = a[k]; return o; });
    post("/vote/ballot", { code: state.code, answers: answers }).then(function (r) {
      if (r.status === 201) {
        try { localStorage.setItem(receiptKey(), JSON.stringify(r.body)); localStorage.removeItem(draftKey()); } catch (e) {}
        receiptPage(r.body);
      } else if (r.status === 422) {
        btn.disabled = false;
        btn.textContent = T("提交", "Submit");
        var el = document.getElementById("submit-error");
        el.hidden = false;
        el.textContent = problemText(r.body);
      } else refusal(r.body);
    }, function () {
      btn.disabled = false;
      btn.textContent = T("提交", "Submit");
      var el = document.getElementById("submit-error");
      el.hidden = false;
      el.textContent = problemText(null);
    });
  }

  function receiptPage(r) {
    var groups = r.receipt.match(/.{1,8}/g).join(" ");
    show([
      h("h1", { text: T("投票成功", "Your vote is in") }),
      h("p", { text: T("这是您的回执。会议结束后公布回执清单，您可以核对自己的票已被计入；回执不含您的任何信息。", "This is your receipt. After the meeting the list of receipts is published so you can check your ballot was counted; the receipt says nothing about you.") }),
      h("p", { class: "receipt", id: "receipt", "aria-label": T("回执", "Receipt") + " " + r.receipt, text: groups }),
      h("p", {}, [h("a", { href: API + "/sessions/" + r.session + "/receipts", text: T("回执清单（结束后公布）", "Receipts list (published after closing)") })]),
    ]);
  }

  function start(text) {
    state.code = String(text || "").toUpperCase().replace(/[\s-]/g, "");
    if (!state.code) { show([h("h1", { text: T("民主测评", "Assessment ballot") }), codeEntry()], "h1"); return; }
    try {
      var saved = localStorage.getItem(receiptKey());
      if (saved) { receiptPage(JSON.parse(saved)); return; }
      state.answers = JSON.parse(localStorage.getItem(draftKey()) || "{}");
    } catch (e) { state.answers = {}; }
    show([h("h1", { text: T("正在加载…", "Loading…") })]);
    post("/vote/form", { code: state.code }).then(function (r) {
      if (r.status !== 200) { refusal(r.body); return; }
      state.form = r.body;
      formPage();
      if (Object.keys(state.answers).length > 0) say(T("已恢复您上次的填写", "Your earlier answers were restored"));
    }, function () { refusal(null); });
  }

  var m = /[#&]c=([^&]+)/.exec(location.hash);
  start(m ? decodeURIComponent(m[1]) : "");
})();
`;
