namespace Sunshine.Application.Common.Interfaces;

/// <summary>Runs a command's work in one database transaction: all of it is kept, or none.</summary>
public interface ITransactionRunner
{
    Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
