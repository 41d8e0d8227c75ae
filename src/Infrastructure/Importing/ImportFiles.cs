using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Application.Importing;
using Sunshine.Domain.Common;
using Sunshine.Domain.Importing;

namespace Sunshine.Infrastructure.Importing;

/// <summary>CSV (CsvHelper; UTF-8, or GB18030 as saved by Chinese Excel) and XLSX (MiniExcel) import files.</summary>
public sealed class ImportFiles : IImportFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static ImportFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public ImportTable Read(byte[] content, ImportFormat format)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            return format == ImportFormat.Csv ? ReadCsv(content) : ReadXlsx(content);
        }
        catch (Exception ex) when (ex is CsvFormatException or InvalidDataException or IOException or FormatException or InvalidOperationException)
        {
            throw new DomainException("import.file_unreadable", $"The file cannot be read as {format}.", field: "file");
        }
    }

    public byte[] Template(ImportColumnSet columns, ImportFormat format)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (format == ImportFormat.Csv)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            using (var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true))
            {
                csv.WriteRecord(columns.Columns.Select(c => c.Header).ToArray());
                csv.Flush();
            }

            // With a byte-order mark, Excel opens the Chinese headers correctly.
            return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(writer.ToString())];
        }

        using var stream = new MemoryStream();
        var rows = new List<Dictionary<string, object?>> { columns.Columns.ToDictionary(c => c.Header, _ => (object?)null) };
        var notes = columns.Columns.Select(c => new Dictionary<string, object?>
        {
            ["列名"] = c.Header,
            ["必填"] = c.Required ? "是" : "否",
            ["填写说明"] = c.Explanation,
        }).ToList();
        stream.SaveAs(new Dictionary<string, object> { [columns.SheetName] = rows, ["填写说明"] = notes });
        return stream.ToArray();
    }

    private static ImportTable ReadCsv(byte[] content)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.GetEncoding("GB18030").GetString(content);
        }

        using var csv = CsvReader.FromText(text.TrimStart('\uFEFF'), CsvReaderOptions.Default);
        var rows = new List<IReadOnlyList<string?>>();
        while (csv.Read())
        {
            var record = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetStringOrNull(i)).ToList();
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows.Add(record.Select(c => string.IsNullOrWhiteSpace(c) ? null : c).ToList());
        }

        return new ImportTable(csv.Headers.ToList(), rows);
    }

    private static ImportTable ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        var sheet = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        if (sheet.Count == 0)
        {
            return new ImportTable([], []);
        }

        var keys = sheet[0].Keys.ToList();
        var headers = keys.Select(k => Text(sheet[0][k]) ?? string.Empty).ToList();
        var rows = sheet.Skip(1)
            .Select(r => (IReadOnlyList<string?>)keys.Select(k => Text(r.TryGetValue(k, out var v) ? v : null)).ToList())
            .Where(r => r.Any(c => c is not null))
            .ToList();
        return new ImportTable(headers, rows);
    }

    private static string? Text(object? cell) => cell switch
    {
        null => null,
        string s when string.IsNullOrWhiteSpace(s) => null,
        string s => s,
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture),
    };
}
