namespace LoadBench;

/// Where the two sites are built, and how the Portal is configured for the bench.
public sealed record Paths(string Root)
{
    public string PortalDirectory => Path.Combine(Root, "Portal");
    public string BuiltPortalDll => Path.Combine(PortalDirectory, "bin", "Release", "net10.0", "Portal.dll");
    /// The build is copied away at the start of a run, so that building again while the bench runs
    /// does not replace the files under the running site (the content root stays the project's folder).
    public string PortalDll { get; private set; } = "";

    public void CopyPortalBuild()
    {
        var from = Path.GetDirectoryName(BuiltPortalDll)!;
        var to = Path.Combine(MailDirectory, "..", Path.GetFileName(MailDirectory) + "-portal");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        PortalDll = Path.Combine(to, "Portal.dll");
    }
    /// `--ready-to-run`: the Portal published as the Docker image does it (assemblies compiled ahead
    /// of time for linux-x64), into the same place the build would be copied to.
    public void PublishPortal()
    {
        var to = Path.Combine(MailDirectory, "..", Path.GetFileName(MailDirectory) + "-portal");
        var publish = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet",
            ["publish", PortalDirectory, "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true",
             "-o", to, "--disable-build-servers", "-nologo", "-v", "q"]) { RedirectStandardOutput = true })!;
        var output = publish.StandardOutput.ReadToEnd();
        publish.WaitForExit();
        if (publish.ExitCode != 0) throw new InvalidOperationException($"Publishing the Portal ready-to-run failed:\n{output}");
        PortalDll = Path.Combine(to, "Portal.dll");
    }

    public string BareDirectory => Path.Combine(Root, "bench", "load", "Bare");
    public string BareDll => Path.Combine(BareDirectory, "bin", "Release", "net10.0", "Bare.dll");
    public string MailDirectory { get; } = Directory.CreateTempSubdirectory("passerelle-load-mail-").FullName;

    public static Paths Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) dir = dir.Parent;
        return new Paths(dir?.FullName ?? throw new InvalidOperationException("Portal.sln not found above the bench"));
    }

    /// Staging as a deployment has it (JSON logs, no developer pages, demo data on), on plain HTTP
    /// loopback: in production TLS ends at the reverse proxy, which the bench leaves out.
    public Dictionary<string, string> PortalEnvironment(Dictionary<string, string> database)
    {
        var env = new Dictionary<string, string>(database)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["Demo__Seed"] = "true",
            ["Portal__PublicBaseUrl"] = "https://passerelle.bench.local",
            ["Portal__HttpsRedirection"] = "false",
            ["Smtp__PickupDirectory"] = MailDirectory,
        };
        return env;
    }
}
