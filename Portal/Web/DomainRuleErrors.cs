using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Domain;

namespace Portal.Web;

/// How a page shows a refusal of the domain: its French message at the field it names, so the form
/// comes back with everything typed and the message where the person looks.
public static class DomainRuleErrors
{
    /// The message at <c>prefix.Field</c> (or <c>Field</c>) when the form has that input (it was
    /// posted, or it is among <paramref name="inputs"/>: a box left unticked posts nothing), else above
    /// the form. A field the binder already refused keeps its own message.
    public static void AddRuleError(this ModelStateDictionary state, DomainRuleException rule, string? prefix = null, params string[] inputs)
    {
        var key = rule.Field is { } field && inputs.Contains(field) ? Prefixed(prefix, field) : KeyOf(state, rule.Field, prefix);
        if (key.Length > 0 && state.GetFieldValidationState(key) == ModelValidationState.Invalid) return;
        state.AddModelError(key, rule.Message);
    }

    /// Asks the domain about one input before the whole change is made, so that every message shows
    /// at once: false, with the message at its field, when the rule refuses it.
    public static bool Passes(this ModelStateDictionary state, Action rule, string? prefix = null, params string[] inputs)
    {
        try
        {
            rule();
            return true;
        }
        catch (DomainRuleException e)
        {
            state.AddRuleError(e, prefix, inputs);
            return false;
        }
    }

    private static string Prefixed(string? prefix, string field) => prefix is null ? field : $"{prefix}.{field}";

    private static string KeyOf(ModelStateDictionary state, string? field, string? prefix)
    {
        if (field is null) return "";
        if (prefix is not null && state.ContainsKey($"{prefix}.{field}")) return $"{prefix}.{field}";
        if (state.ContainsKey(field)) return field;
        // A page with one form under a prefix it did not name: the one input of that name.
        var named = prefix is null ? state.Keys.Where(k => k.EndsWith("." + field, StringComparison.Ordinal)).Take(2).ToList() : [];
        return named.Count == 1 ? named[0] : "";
    }
}
