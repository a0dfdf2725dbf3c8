using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Domain.Formatting;

namespace Portal.Web;

/// Reads the values of the request forms the way people type them, and answers in French: a date
/// as 14/07/1990 or 1990-07-14, an amount as "1 234,56" or "1234.56", a choice only among the known
/// values, a checkbox as ticked or not. The framework's own binders would leave an English message
/// (or, for an enum, accept any number); a tampered or mistyped value must never reach the data.
public sealed class FrenchValueBinder : IModelBinder
{
    public const string InvalidChoice = "Ce choix ne fait pas partie de la liste proposée.";
    public const string InvalidDate = "Cette date n'est pas valide : écrivez-la sous la forme jj/mm/aaaa, par exemple 14/07/1990.";
    public const string InvalidAmount = "Ce montant n'est pas valide : écrivez un nombre en euros, par exemple 850 ou 1 234,56.";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "dd.MM.yyyy"];

    public Task BindModelAsync(ModelBindingContext ctx)
    {
        var type = Nullable.GetUnderlyingType(ctx.ModelType) ?? ctx.ModelType;
        var posted = ctx.ValueProvider.GetValue(ctx.ModelName);

        if (type == typeof(bool))
        {
            // A checkbox sends "true" when ticked and nothing otherwise; anything else counts as not ticked.
            ctx.Result = ModelBindingResult.Success(posted.Values.Any(v => v == "true" || v == "on"));
            return Task.CompletedTask;
        }
        if (posted == ValueProviderResult.None) return Task.CompletedTask;
        ctx.ModelState.SetModelValue(ctx.ModelName, posted);

        if (type.IsEnum && type.IsDefined(typeof(FlagsAttribute), false))
        {
            long flags = 0;
            foreach (var value in posted.Values)
            {
                if (string.IsNullOrWhiteSpace(value)) continue;
                if (ParseEnum(type, value) is { } flag && Convert.ToInt64(flag) != 0) flags |= Convert.ToInt64(flag);
                else return Fail(ctx, InvalidChoice);
            }
            ctx.Result = ModelBindingResult.Success(Enum.ToObject(type, flags));
            return Task.CompletedTask;
        }

        var text = posted.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (ctx.ModelType != type) ctx.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }

        if (type.IsEnum)
            return ParseEnum(type, text) is { } choice ? Succeed(ctx, choice) : Fail(ctx, InvalidChoice);
        if (type == typeof(DateOnly))
            return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? Succeed(ctx, date) : Fail(ctx, InvalidDate);
        if (type == typeof(decimal))
            return ParseAmount(text) is { } amount ? Succeed(ctx, amount) : Fail(ctx, InvalidAmount);
        if (type == typeof(long))
            // Only hidden fields carry numbers (ids): a tampered one is simply ignored.
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? Succeed(ctx, number) : Task.CompletedTask;

        throw new NotSupportedException($"{nameof(FrenchValueBinder)} does not bind {type.Name}");
    }

    /// "1 234,56", "1234.56", "1.234,56", "850 €": null when it is not an amount.
    public static decimal? ParseAmount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '\u00A0' && c != '€').ToArray());
        if (s.Contains(',') && s.Contains('.')) s = s.Replace(".", "");
        s = s.Replace(',', '.');
        if (s.Length is 0 or > 20) return null;
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            ? Math.Round(amount, 2, MidpointRounding.AwayFromZero)
            : null;
    }

    /// The amount as a person would type it back: "1234,5".
    public static string? FormatAmount(decimal? amount) => amount?.ToString("0.##", French.Culture);

    private static object? ParseEnum(Type type, string text) =>
        Enum.TryParse(type, text, ignoreCase: false, out var value) && Enum.IsDefined(type, value!) ? value : null;

    private static Task Succeed(ModelBindingContext ctx, object value)
    {
        ctx.Result = ModelBindingResult.Success(value);
        return Task.CompletedTask;
    }

    private static Task Fail(ModelBindingContext ctx, string message)
    {
        ctx.ModelState.TryAddModelError(ctx.ModelName, message);
        ctx.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

/// Shorthand for <c>[ModelBinder(typeof(FrenchValueBinder))]</c>.
[AttributeUsage(AttributeTargets.Property)]
public sealed class FrenchValueAttribute() : ModelBinderAttribute(typeof(FrenchValueBinder));

/// Free text may hold any character a person can type (accents, emoji, right-to-left marks) but no
/// control character: PostgreSQL refuses NUL, and the others only come from tampering.
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlainTextAttribute : ValidationAttribute
{
    public PlainTextAttribute() : base("Ce texte contient un caractère invisible non autorisé : retirez-le puis réessayez.") { }

    public override bool IsValid(object? value) =>
        value is not string s || !s.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t'));
}
