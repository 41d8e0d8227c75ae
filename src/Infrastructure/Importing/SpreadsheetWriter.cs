using MiniExcelLibs;
using Sunshine.Application.Common.Interfaces;

namespace Sunshine.Infrastructure.Importing;

/// <summary>XLSX exports with MiniExcel (streams rows; no template).</summary>
internal sealed class SpreadsheetWriter : ISpreadsheetWriter
{
    public byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var records = rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(headers.Count);
            for (var i = 0; i < headers.Count; i++)
            {
                record[headers[i]] = i < row.Count ? row[i] : null;
            }

            return record;
        });
        using var stream = new MemoryStream();
        stream.SaveAs(records, sheetName: sheetName);
        return stream.ToArray();
    }
}
