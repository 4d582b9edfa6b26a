// Fill time-zone fields that are still empty with the browser's own IANA zone (registration suggests it).
(() => {
    const fill = () => {
        const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        document.querySelectorAll("input[data-default-timezone]").forEach(input => {
            if (!input.value && zone) input.value = zone;
        });
    };
    document.addEventListener("DOMContentLoaded", fill);
    // Blazor's enhanced navigation swaps pages without a load event.
    if (window.Blazor) window.Blazor.addEventListener("enhancedload", fill);
    else document.addEventListener("DOMContentLoaded", () => window.Blazor?.addEventListener("enhancedload", fill));
})();

// The shell renders without a circuit, so the phone menu opens here: the menu button toggles the drawer,
// the scrim and Escape close it, and an enhanced navigation brings back the server's (closed) markup.
(() => {
    const setOpen = (shell, open) => {
        shell.classList.toggle("nav-open", open);
        shell.querySelector("[data-nav-toggle]")?.setAttribute("aria-expanded", String(open));
        if (open) shell.querySelector("#main-nav a")?.focus();
    };
    document.addEventListener("click", event => {
        const shell = event.target.closest?.(".shell");
        if (!shell) return;
        if (event.target.closest("[data-nav-toggle]")) setOpen(shell, !shell.classList.contains("nav-open"));
        else if (event.target.closest("[data-nav-close]")) setOpen(shell, false);
    });
    document.addEventListener("keydown", event => {
        const shell = document.querySelector(".shell.nav-open");
        if (event.key === "Escape" && shell) {
            setOpen(shell, false);
            shell.querySelector("[data-nav-toggle]")?.focus();
        }
    });
})();

// The calendar moves its focused day with the arrow keys (EventCalendar); keep those keys from scrolling the page.
document.addEventListener("keydown", event => {
    if (["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "PageUp", "PageDown", "Home", "End", " "].includes(event.key)
        && event.target.closest?.("[data-calendar-grid] [tabindex]")) event.preventDefault();
});

// Account pages render without a circuit: the button beside a password field shows or hides what was typed.
document.addEventListener("click", event => {
    const button = event.target.closest?.("[data-password-toggle]");
    const input = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!input) return;
    const show = input.type === "password";
    input.type = show ? "text" : "password";
    button.setAttribute("aria-pressed", String(show));
});

// Lists and pickers draw their buttons and switches as markup (RowButton: list rows, booking's days and times; RowSwitch:
// notification choices): a click on such a button, or a change of such a switch, becomes a "rowaction" event with its
// key (and a switch's new state), which one handler on the container receives (.NET: RowActionEventArgs).
// The server then redraws that markup whole, and the focused control goes with it: focus moves to the new control with
// the same key, so a keyboard user stays where they were instead of starting again from the top of the page.
let refocus = null;
function rowAction(control, checked) {
    refocus = document.activeElement === control ? control : null;
    control.dispatchEvent(new CustomEvent("pm-rowaction", { bubbles: true, detail: { key: control.dataset.rowAction, checked } }));
}
document.addEventListener("click", event => {
    const button = event.target.closest?.("button[data-row-action]");
    if (button && !button.disabled) rowAction(button, null);
});
document.addEventListener("change", event => {
    if (event.target.matches?.("input[type=checkbox][data-row-action]")) rowAction(event.target, event.target.checked);
});
new MutationObserver(() => {
    if (!refocus || refocus.isConnected) return;
    const key = refocus.dataset.rowAction;
    refocus = null;
    if (document.activeElement && document.activeElement !== document.body) return;
    document.querySelector(`[data-row-action="${CSS.escape(key)}"]:not([disabled])`)?.focus();
}).observe(document.documentElement, { childList: true, subtree: true });
window.Blazor?.registerCustomEventType("rowaction", {
    browserEventName: "pm-rowaction",
    createEventArgs: event => ({ key: event.detail.key, checked: event.detail.checked }),
});
