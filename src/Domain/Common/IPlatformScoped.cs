namespace Sunshine.Domain.Common;

/// <summary>A record of one partner platform: a partner client sees only its own platform's.</summary>
public interface IPlatformScoped
{
    Guid PlatformId { get; }
}
