using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace PeerMentor.Tests.Components;

/// <summary>
/// A fresh bUnit context per test with MudBlazor's services and loose JS interop (calls nobody set up answer
/// with defaults). MudBlazor's services are only asynchronously disposable, so xunit disposes through
/// IAsyncLifetime.
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected ComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
