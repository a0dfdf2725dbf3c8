// Passkeys (WebAuthn): register one from the account page, sign in with one from the sign-in
// page. The server makes the options and checks the answer (ASP.NET Core Identity); this only
// hands them to the browser. Forms carry data-passkey="register" or "sign-in" and stay hidden
// where the browser cannot use passkeys.
(function () {
  "use strict";

  var supported = !!(window.PublicKeyCredential &&
    PublicKeyCredential.parseCreationOptionsFromJSON &&
    PublicKeyCredential.parseRequestOptionsFromJSON &&
    navigator.credentials);

  function setup(form) {
    var kind = form.getAttribute("data-passkey");
    var status = form.querySelector("[data-passkey-status]");
    var credentialInput = form.querySelector("[data-passkey-credential]");
    var unsupported = document.querySelector("[data-passkey-unsupported]");
    if (!supported) {
      if (unsupported) unsupported.hidden = false;
      return;
    }
    if (unsupported) unsupported.hidden = true;
    form.hidden = false;

    function say(text) {
      if (status) status.textContent = text;
    }

    form.addEventListener("submit", async function (event) {
      if (credentialInput.value) return;
      event.preventDefault();
      var tokenInput = form.querySelector("input[name='__RequestVerificationToken']");
      say("");
      try {
        var response = await fetch(form.getAttribute("data-passkey-options"), {
          method: "POST",
          credentials: "same-origin",
          headers: { "RequestVerificationToken": tokenInput ? tokenInput.value : "" }
        });
        if (!response.ok) throw new Error("options " + response.status);
        var options = await response.json();
        var credential = kind === "register"
          ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
          : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        if (!credential) throw new Error("no credential");
        credentialInput.value = JSON.stringify(credential);
        form.submit();
      } catch (error) {
        say(error && error.name === "NotAllowedError"
          ? "Opération annulée ou délai dépassé. Vous pouvez réessayer."
          : "La clé d'accès n'a pas pu être utilisée. Réessayez, ou utilisez une autre méthode.");
      }
    });
  }

  var forms = document.querySelectorAll("form[data-passkey]");
  for (var i = 0; i < forms.length; i++) setup(forms[i]);
})();
