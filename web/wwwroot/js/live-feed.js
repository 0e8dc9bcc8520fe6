// The live feed (/hubs/live) for every live page: subscribes the given topics, keeps reconnecting, and reports its
// state ("connecting", "live", "lost") so the page can show it. onConnected(connection) runs after each (re)connection,
// before the page counts as live (a new connection must ask again for what it watches); onReconnected lets the page
// re-read what it may have missed. body[data-live] is "connected" once it is up.
window.SmartStoreLive = {
  follow(handlers, { showState = () => {}, onConnected, onReconnected } = {}) {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/live")
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000])
      .build();
    for (const [topic, handler] of Object.entries(handlers)) connection.on(topic, handler);
    connection.onreconnecting(() => showState("lost"));
    // A refused onConnected (say, a watch the server turns down) leaves the page shown as not live; no reconnect loop.
    async function connected() {
      try {
        if (onConnected) await onConnected(connection);
      } catch (e) {
        console.error("live feed:", e);
        showState("lost");
        return false;
      }
      showState("live");
      return true;
    }
    connection.onreconnected(async () => {
      if (await connected() && onReconnected) onReconnected();
    });
    async function start() {
      try {
        await connection.start();
      } catch (e) {
        showState("lost");
        setTimeout(start, 3000);
        return;
      }
      if (await connected()) document.body.dataset.live = "connected";
    }
    start();
    return connection;
  },

  // A page left open across a store's opening or closing time reads the parts with these ids again then: the element
  // clockId says when the next change is (data-hours-change, from the server, read again with it). A read that fails (a
  // phone without network) is tried again a minute later; one that succeeds sets the next time.
  followHours(clockId, ids) {
    let timer = null;
    const follow = () => {
      clearTimeout(timer);
      const at = Date.parse(document.getElementById(clockId)?.dataset.hoursChange || "");
      if (Number.isNaN(at)) return;
      timer = setTimeout(() => {
        reread();
        timer = setTimeout(follow, 60000);
      }, Math.max(0, at - Date.now()) + 1000);
    };
    const reread = this.rereader(ids, follow);
    follow();
  },

  // Parts of the page the server words (lists of what needs attention, to-dos): a function that fetches the page again,
  // at most once a second however many updates call it, and swaps in the parts with these ids (then calls after()).
  rereader(ids, after = () => {}) {
    let pending = null;
    return () => {
      if (pending) return;
      pending = setTimeout(async () => {
        try {
          const response = await fetch(location.pathname + location.search, { headers: { Accept: "text/html" } });
          if (!response.ok) return;
          const page = new DOMParser().parseFromString(await response.text(), "text/html");
          for (const id of ids) {
            const now = document.getElementById(id), next = page.getElementById(id);
            if (now && next) now.replaceWith(next);
          }
          after();
        } catch (e) {
          console.error("live feed: re-reading the page", e);
        } finally {
          pending = null;
        }
      }, 1000);
    };
  },

  // A store's counters today, from a store-traffic update, into its element's [data-traffic] fields; then the page's
  // [data-total] tiles summed again over every store's fields (the HQ board's rows, the mobile view's cards).
  showStoreTraffic(element, traffic) {
    element.querySelectorAll("[data-traffic]").forEach(el => { el.textContent = String(traffic[el.dataset.traffic] ?? 0); });
    const sum = field => [...document.querySelectorAll(`[data-traffic="${field}"]`)].reduce((s, el) => s + Number(el.textContent), 0);
    const entries = sum("entries"), passers = sum("passersBy");
    const set = (name, text) => { const el = document.querySelector(`[data-total="${name}"]`); if (el) el.textContent = text; };
    set("entries", entries);
    set("passersBy", passers);
    set("occupancy", sum("occupancy"));
    set("entryRate", entries + passers === 0 ? "—" : Math.round(100 * entries / (entries + passers)) + "%");
    return set;
  },
};
