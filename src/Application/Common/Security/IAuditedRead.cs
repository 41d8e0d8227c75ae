namespace Sunshine.Application.Common.Security;

/// <summary>
/// A command that changes nothing but must leave an audit row (revealing sensitive data). It runs
/// in a transaction like every command, and may be open to auditors.
/// </summary>
public interface IAuditedRead;
