using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Sunshine.Application.Common.Interfaces;

namespace Sunshine.Infrastructure.Importing;

/// <summary>XLSX exports with MiniExcel (streams rows; no template).</summary>
internal sealed class SpreadsheetWriter : ISpreadsheetWriter
{
    public byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(Records(headers, rows), sheetName: sheetName);
        return stream.ToArray();
    }

    public byte[] Write(IReadOnlyList<SpreadsheetSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var workbook = new Dictionary<string, object>();
        foreach (var sheet in sheets)
        {
            workbook[sheet.Name] = Records(sheet.Headers, sheet.Rows);
        }

        using var stream = new MemoryStream();
        stream.SaveAs(workbook);
        return stream.ToArray();
    }

    public byte[] WriteCsv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = global::CsvHelper.CsvWriter.Create(writer, global::CsvHelper.CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteRecord(headers.ToArray());
            foreach (var row in rows)
            {
                csv.WriteRecord(row.Select(cell => cell switch
                {
                    null => string.Empty,
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => cell.ToString() ?? string.Empty,
                }).ToArray());
            }

            csv.Flush();
        }

        // With a byte-order mark, spreadsheet programs open the Chinese headers correctly.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(writer.ToString())];
    }

    private static IEnumerable<Dictionary<string, object?>> Records(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(headers.Count);
            for (var i = 0; i < headers.Count; i++)
            {
                record[headers[i]] = i < row.Count ? row[i] : null;
            }

            return record;
        });
    }
}
