using System.IO.Compression;
using System.Net.Http.Headers;

namespace Sunshine.Api.FunctionalTests.Infrastructure;

/// <summary>Plan documents and impostors for upload tests.</summary>
public static class TestDocuments
{
    public static byte[] Pdf(int size = 300)
    {
        var content = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(content);
        return content;
    }

    /// <summary>A minimal Word package: [Content_Types].xml and word/document.xml in a ZIP.</summary>
    public static byte[] Docx(params string[] extraEntries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in (string[])["[Content_Types].xml", "_rels/.rels", "word/document.xml", .. extraEntries])
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document/>");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A Windows executable's header (MZ), whatever it is named.</summary>
    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. new byte[500]];

    public static MultipartFormDataContent Form(byte[] content, string fileName, string? declaredType = null)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType ?? "application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
