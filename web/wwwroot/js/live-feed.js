// The live feed (/hubs/live) for boards and screens: subscribes the given topics, keeps reconnecting, and reports
// its state ("connecting", "live", "lost") so the page can show it; body[data-live] is "connected" once it is up.
window.SmartStoreLive = {
  follow(handlers, showState, onReconnected) {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/live")
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000])
      .build();
    for (const [topic, handler] of Object.entries(handlers)) connection.on(topic, handler);
    connection.onreconnecting(() => showState("lost"));
    connection.onreconnected(() => { showState("live"); if (onReconnected) onReconnected(); });
    async function start() {
      try {
        await connection.start();
        showState("live");
        document.body.dataset.live = "connected";
      } catch (e) {
        showState("lost");
        setTimeout(start, 3000);
      }
    }
    start();
    return connection;
  },
};
