# syntax=docker/dockerfile:1
#
# Portal - production image.
#   docker build -t portal .
#   docker run -p 8080:8080 -v portal-data:/app/App_Data portal
#
# Note: the .NET 10 images (sdk:10.0 / aspnet:10.0) are Ubuntu 24.04 "noble" based; Microsoft no
# longer publishes Debian images for .NET 10. Ubuntu noble's own nodejs package is 18.x, too old for
# the front-end toolchain, so Node.js 20 (with npm) is copied from the official Debian-based
# node:20-bookworm-slim image instead of apt-get.

############################ build ############################
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build

# Node.js 20 + npm: the Portal build runs `npm ci` in wwwroot-src/ (MSBuild target) and writes
# the bundle into Portal/wwwroot.
COPY --from=node:20-bookworm-slim /usr/local/bin/node /usr/local/bin/node
COPY --from=node:20-bookworm-slim /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -sf ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -sf ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version

ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

WORKDIR /src

# Restore first (layer cached as long as the project files do not change).
# The bracket globs make NuGet.Config / global.json optional.
COPY Directory.Build.props Directory.Packages.props Portal.sln [Nn]u[Gg]et.[Cc]onfig global.jso[n] ./
# frontend.targets is imported by the project file: restore needs it.
COPY Portal/Portal.csproj Portal/frontend.targets Portal/
COPY Portal.Domain/Portal.Domain.csproj Portal.Domain/
# Ready-to-run: the assemblies are compiled ahead of time for the target (the restore brings the
# compiler for it), so a node starts and answers its first pages without waiting for the JIT.
ARG RID=linux-x64
RUN dotnet restore Portal/Portal.csproj -r $RID -p:PublishReadyToRun=true

# Then the sources (front-end sources included) and publish.
COPY Portal/ Portal/
COPY Portal.Domain/ Portal.Domain/
COPY wwwroot-src/ wwwroot-src/
RUN dotnet publish Portal/Portal.csproj -c Release -r $RID --self-contained false -p:PublishReadyToRun=true -o /app --no-restore

############################ runtime ############################
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

WORKDIR /app
COPY --from=build /app ./

# SQLite database, uploaded/generated documents, etc. Owned by the non-root `app` user (UID 1654).
RUN mkdir -p /app/App_Data && chown -R $APP_UID:$APP_UID /app/App_Data
VOLUME /app/App_Data

ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=Sqlite \
    Hangfire__Worker=true

# Required: the public address every link in an email is built from (the site does not start
# without it outside Development, and answers only to that host name and loopback):
#   Portal__PublicBaseUrl=https://portail.example.org
# Behind the TLS-terminating proxy, trust its forwarded headers (and only its):
#   Portal__BehindProxy=true
#   Portal__KnownNetworks__0=172.16.0.0/12   (the proxy's network, e.g. the Docker network)
# The data-protection keys (auth cookies, signed links) are stored in the database, encrypted with
# a certificate: by default one generated at first start in /app/App_Data/keys (keep the volume,
# and share that file between nodes), or your own:
#   DataProtection__CertificatePath=/run/secrets/dp.pfx  DataProtection__CertificatePassword=...
# Other settings, to pass with `docker run -e` (or an env file):
#   Database__Provider=Postgres             with
#   ConnectionStrings__Postgres="Host=db;Port=5432;Username=portal;Password=...;Database=portal"
#   Smtp__Host=smtp.example.org
#   Smtp__Port=587
#   Smtp__Security=StartTls                 None | StartTls | SslOnConnect | Auto
#   Smtp__User=...
#   Smtp__Password=...
#   Smtp__From="Portail <no-reply@example.org>"
#   Hangfire__Worker=false                  to run a web-only instance (background jobs elsewhere)

EXPOSE 8080

# No HEALTHCHECK: the aspnet image has neither curl nor wget. Probe http://HOST:8080/healthz from
# the orchestrator instead (a bare status for anyone; details for a signed-in admin).

USER $APP_UID
ENTRYPOINT ["dotnet", "Portal.dll"]
