using System.Text.RegularExpressions;

namespace Portal.Documents.Templates;

internal enum TagKind { Value, ListOpen, ConditionOpen, Close, Image }

internal readonly record struct Tag(TagKind Kind, string Path)
{
    public string Sigil => Kind switch
    {
        TagKind.ListOpen => "#",
        TagKind.ConditionOpen => "?",
        TagKind.Close => "/",
        TagKind.Image => "%",
        _ => "",
    };

    public bool Opens => Kind is TagKind.ListOpen or TagKind.ConditionOpen;

    public override string ToString() => "{{" + Sigil + Path + "}}";
}

/// The whole template language: `{{path}}`, `{{#list}}`, `{{?condition}}`, `{{/end}}`, `{{%image}}`.
/// Paths are dotted names and nothing else, so there is no expression to evaluate.
internal static partial class TemplateSyntax
{
    /// Stands for content a field cannot span (a tab, a break, a picture) in a paragraph's text.
    public const char Barrier = '\0';

    [GeneratedRegex(@"\{\{([^{}\0]*)\}\}", RegexOptions.CultureInvariant)]
    public static partial Regex Candidate();

    [GeneratedRegex(@"^\s*([#?/%]?)\s*(\w+(?:\.\w+)*)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Valid();

    public static bool TryParse(string inner, out Tag tag)
    {
        var m = Valid().Match(inner);
        if (!m.Success)
        {
            tag = default;
            return false;
        }
        var kind = m.Groups[1].Value switch
        {
            "#" => TagKind.ListOpen,
            "?" => TagKind.ConditionOpen,
            "/" => TagKind.Close,
            "%" => TagKind.Image,
            _ => TagKind.Value,
        };
        tag = new Tag(kind, m.Groups[2].Value);
        return true;
    }
}
