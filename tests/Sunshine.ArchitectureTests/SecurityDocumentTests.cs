using System.Text.RegularExpressions;
using Sunshine.Domain.AccessControl;

namespace Sunshine.ArchitectureTests;

/// <summary>docs/security.md shows the role table; this keeps it equal to the one in code.</summary>
public sealed partial class SecurityDocumentTests
{
    [Fact]
    public void The_role_table_in_docs_security_md_is_the_role_table_in_code()
    {
        var rows = RoleRows();

        Assert.Equal(Roles.All.Order(), rows.Keys.Order());
        foreach (var role in RoleTable.All)
        {
            var row = rows[role.Name];
            Assert.Equal(role.Summary, row.Summary);
            Assert.Equal(role.CountyBound ? "yes" : "no", row.CountyBound);
            Assert.Equal(role.Permissions.Order(), row.Permissions.Order());
            Assert.Equal(role.Grantable.Order(), row.Grantable.Order());
        }
    }

    [Fact]
    public void Every_permission_in_code_is_explained_in_docs_security_md()
    {
        var text = File.ReadAllText(DocumentPath());

        foreach (var permission in Permissions.All)
        {
            Assert.Matches($@"\| `{Regex.Escape(permission)}` \|", text);
        }
    }

    private static Dictionary<string, (string Summary, string CountyBound, string[] Permissions, string[] Grantable)> RoleRows() =>
        File.ReadAllLines(DocumentPath())
            .Select(line => RoleRow().Match(line))
            .Where(m => m.Success)
            .ToDictionary(
                m => m.Groups["role"].Value,
                m => (m.Groups["may"].Value.Trim(), m.Groups["bound"].Value.Trim(), Codes(m.Groups["permissions"].Value), Codes(m.Groups["grantable"].Value)));

    private static string[] Codes(string cell) => CodeSpan().Matches(cell).Select(m => m.Groups[1].Value).ToArray();

    private static string DocumentPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "global.json")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Repository root not found."), "docs", "security.md");
    }

    [GeneratedRegex(@"^\| `(?<role>[A-Za-z]+)` \|(?<may>[^|]+)\|(?<bound>[^|]+)\|(?<permissions>[^|]+)\|(?<grantable>[^|]+)\|$")]
    private static partial Regex RoleRow();

    [GeneratedRegex("`([a-z.]+)`")]
    private static partial Regex CodeSpan();
}
