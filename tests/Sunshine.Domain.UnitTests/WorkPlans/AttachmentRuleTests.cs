using System.IO.Compression;
using Sunshine.Domain.Attachments;
using Sunshine.Domain.Common;

namespace Sunshine.Domain.UnitTests.WorkPlans;

/// <summary>What each kind of attachment accepts, judged by content: evidence (PDF, JPEG, PNG ≤ 5 MB) and work plans (PDF, DOCX ≤ 20 MB).</summary>
public sealed class AttachmentRuleTests
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[100]];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[100]];
    private static readonly byte[] Executable = [0x4D, 0x5A, 0x90, 0x00, .. new byte[100]];

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }

    private static Attachment Create(AttachmentKind kind, byte[] content, string name = "plan.docx") =>
        Attachment.Create("WorkPlanFiling", Guid.NewGuid(), Guid.NewGuid(), kind, name, content, Guid.NewGuid(), DateTimeOffset.UnixEpoch);

    public static TheoryData<string, byte[]> NotWorkPlans => new()
    {
        { "a renamed executable", Executable },
        { "a PNG image", Png },
        { "a ZIP without word/document.xml (a spreadsheet)", Zip("[Content_Types].xml", "xl/workbook.xml") },
        { "a ZIP without [Content_Types].xml", Zip("word/document.xml") },
        { "a Word document with macros", Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin") },
        { "a damaged ZIP", [0x50, 0x4B, 0x03, 0x04, .. new byte[100]] },
        { "plain text", "%PDF but not quite"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(NotWorkPlans))]
    public void A_work_plan_that_is_neither_pdf_nor_docx_by_content_is_refused(string what, byte[] content)
    {
        var error = Assert.Throws<DomainException>(() => Create(AttachmentKind.WorkPlan, content, "plan.pdf"));

        Assert.True(error.Code == "attachment.type", what);
    }

    [Fact]
    public void A_work_plan_is_a_pdf_or_a_docx_whatever_its_name()
    {
        Assert.Equal(AttachmentRule.Pdf, Create(AttachmentKind.WorkPlan, Pdf, "plan.docx").ContentType);
        Assert.Equal(AttachmentRule.Docx, Create(AttachmentKind.WorkPlan, Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"), "方案.bin").ContentType);
    }

    [Fact]
    public void Evidence_stays_pdf_jpeg_or_png_so_a_docx_is_refused_there()
    {
        Assert.Equal(AttachmentRule.Png, Create(AttachmentKind.Receipt, Png, "receipt.png").ContentType);
        Assert.Equal("attachment.type", Assert.Throws<DomainException>(() => Create(AttachmentKind.Receipt, Zip("[Content_Types].xml", "word/document.xml"))).Code);
    }

    [Theory]
    [InlineData(AttachmentKind.WorkPlan, 20 * 1024 * 1024, true)]
    [InlineData(AttachmentKind.WorkPlan, (20 * 1024 * 1024) + 1, false)]
    [InlineData(AttachmentKind.Certificate, 5 * 1024 * 1024, true)]
    [InlineData(AttachmentKind.Certificate, (5 * 1024 * 1024) + 1, false)]
    public void Each_kind_has_its_size_limit_on_both_sides(AttachmentKind kind, int size, bool accepted)
    {
        var content = new byte[size];
        Pdf.CopyTo(content, 0);

        if (accepted)
        {
            Assert.Equal(size, Create(kind, content).Size);
        }
        else
        {
            Assert.Equal("attachment.size", Assert.Throws<DomainException>(() => Create(kind, content)).Code);
        }
    }
}
