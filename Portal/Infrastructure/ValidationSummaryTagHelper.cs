using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Infrastructure;

/// Runs after ASP.NET Core's validation summary: with nothing to report, that one writes an empty
/// list holding `<li style="display:none">` for client-side validation we do not use, and the
/// content security policy refuses the inline style. An empty summary is left out; a summary
/// with errors keeps only them.
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ValidationSummaryTagHelper : TagHelper
{
    private const string HiddenListItem = "<li style=\"display:none\"></li>";

    // After the framework's tag helper (order 0) has written the list.
    public override int Order => 1000;

    [HtmlAttributeNotBound, ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var list = output.PostContent.GetContent();
        if (!list.Contains(HiddenListItem, StringComparison.Ordinal)) return;
        if (ViewContext.ModelState.ErrorCount == 0)
            output.SuppressOutput();
        else
            output.PostContent.SetHtmlContent(list.Replace(HiddenListItem, "", StringComparison.Ordinal));
    }
}
