using System.Buffers.Binary;
using System.Collections;
using Portal.Domain.Formatting;

namespace Portal.Documents.Templates;

/// The values a template sees, by field path (`menage.nom`, `axe.objectif`). A value is a string,
/// a bool, a number, a decimal amount in euros, a DateOnly (or a UTC DateTime shown as a Paris date),
/// a <see cref="TemplateImage"/>, or a list of nested models for `{{#…}}` blocks. Inside a list the
/// item's own fields are found first, then the enclosing ones.
public sealed class TemplateModel : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly Dictionary<string, object?> values = new(StringComparer.Ordinal);

    public object? this[string path]
    {
        get => values.GetValueOrDefault(path);
        set => values[path] = value;
    }

    public void Add(string path, object? value) => values[path] = value;

    public bool TryGetValue(string path, out object? value) => values.TryGetValue(path, out value);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// A PNG or JPEG picture; <paramref name="WidthCm"/> fixes the width (the height follows),
/// otherwise the picture keeps its size at 96 dpi, never wider than <see cref="MaxWidthCm"/>.
public sealed record TemplateImage(byte[] Content, double? WidthCm = null)
{
    public const double MaxWidthCm = 16;
}

internal sealed class TemplateScope(TemplateModel model, TemplateScope? parent)
{
    private readonly TemplateModel model = model;
    private readonly TemplateScope? parent = parent;

    public object? Resolve(string path)
    {
        for (var scope = this; scope is not null; scope = scope.parent)
            if (scope.model.TryGetValue(path, out var value))
                return value;
        return null;
    }

    public IReadOnlyList<TemplateScope> Items(string path) =>
        Resolve(path) is IEnumerable<TemplateModel> items
            ? items.Select(item => new TemplateScope(item, this)).ToList()
            : [];

    public bool IsTrue(string path) => Resolve(path) switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        TemplateImage image => image.Content.Length > 0,
        IEnumerable<TemplateModel> items => items.Any(),
        _ => true,
    };

    public static string Display(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "oui" : "non",
        decimal amount => French.Money(amount),
        DateOnly date => French.Date(date),
        DateTime utc => French.Date(utc),
        IEnumerable<TemplateModel> or TemplateImage => "",
        IFormattable f => f.ToString(null, French.Culture),
        _ => value.ToString() ?? "",
    };
}

internal readonly record struct ImageInfo(string ContentType, int WidthPx, int HeightPx)
{
    public const long EmuPerCm = 360_000;
    private const long EmuPerPixelAt96Dpi = 9_525;

    public (long Cx, long Cy) SizeEmu(double? widthCm)
    {
        double cx = widthCm is > 0 ? widthCm.Value * EmuPerCm : WidthPx * (double)EmuPerPixelAt96Dpi;
        cx = Math.Min(cx, TemplateImage.MaxWidthCm * EmuPerCm);
        var cy = cx * HeightPx / WidthPx;
        return (Math.Max(1, (long)Math.Round(cx)), Math.Max(1, (long)Math.Round(cy)));
    }

    /// Reads the size from the PNG header or the JPEG frame marker; anything else is not a picture for us.
    public static bool TryRead(byte[] bytes, out ImageInfo info)
    {
        info = default;
        ReadOnlySpan<byte> b = bytes;
        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (b.Length >= 24 && b[..8].SequenceEqual(png) && b.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            var w = BinaryPrimitives.ReadInt32BigEndian(b.Slice(16, 4));
            var h = BinaryPrimitives.ReadInt32BigEndian(b.Slice(20, 4));
            if (w is <= 0 or > 100_000 || h is <= 0 or > 100_000) return false;
            info = new ImageInfo("image/png", w, h);
            return true;
        }
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8)
        {
            var i = 2;
            while (i + 9 < b.Length)
            {
                if (b[i] != 0xFF) return false;
                var marker = b[i + 1];
                if (marker == 0xFF) { i++; continue; }
                var length = BinaryPrimitives.ReadUInt16BigEndian(b.Slice(i + 2, 2));
                var isFrame = marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC);
                if (isFrame)
                {
                    var h = BinaryPrimitives.ReadUInt16BigEndian(b.Slice(i + 5, 2));
                    var w = BinaryPrimitives.ReadUInt16BigEndian(b.Slice(i + 7, 2));
                    if (w == 0 || h == 0) return false;
                    info = new ImageInfo("image/jpeg", w, h);
                    return true;
                }
                if (length < 2) return false;
                i += 2 + length;
            }
        }
        return false;
    }
}
