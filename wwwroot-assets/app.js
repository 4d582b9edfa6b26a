// Fill time-zone fields that are still empty with the browser's own IANA zone.
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
