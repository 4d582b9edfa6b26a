// Opens our reconnect dialog (Components/Layout/ReconnectModal.razor) while blazor.web.js reports a lost circuit.
(() => {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal) return;
    const shown = new Set(["show", "retrying", "failed", "paused", "resume-failed"]);
    modal.addEventListener("components-reconnect-state-changed", event => {
        const state = event.detail.state;
        if (shown.has(state)) { if (!modal.open) modal.showModal(); }
        else if (state === "hide") modal.close();
        // The server no longer knows this circuit: only a fresh page helps.
        else if (state === "rejected") location.reload();
    });
    document.getElementById("components-reconnect-button")?.addEventListener("click", async () => {
        if (!await Blazor.reconnect()) {
            if (!await Blazor.resumeCircuit()) location.reload(); else modal.close();
        }
    });
    document.getElementById("components-resume-button")?.addEventListener("click", async () => {
        if (await Blazor.resumeCircuit()) modal.close();
        else modal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    });
})();
