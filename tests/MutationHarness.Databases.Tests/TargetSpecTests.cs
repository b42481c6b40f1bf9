using MutationHarness.Databases.Execution;
using MutationHarness.Databases.Remote;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Databases.Tests;

public sealed class TargetSpecTests
{
    [Theory]
    [InlineData("local:mariadb", TargetKind.Local, ServerFlavor.MariaDb, null)]
    [InlineData("local:MySQL", TargetKind.Local, ServerFlavor.MySql, null)]
    [InlineData("container:tidb", TargetKind.Container, ServerFlavor.TiDb, null)]
    [InlineData("container:mysql:8.0.40", TargetKind.Container, ServerFlavor.MySql, "8.0.40")]
    [InlineData("local:mariadb:10.5", TargetKind.Local, ServerFlavor.MariaDb, "10.5")]
    [InlineData("local:MariaDB:11.8", TargetKind.Local, ServerFlavor.MariaDb, "11.8")]
    public void Specs_parse(string text, TargetKind kind, ServerFlavor flavor, string? tag)
    {
        var spec = TargetSpec.Parse(text);
        Assert.Equal((kind, flavor, tag), (spec.Kind, spec.Flavor, spec.Tag));
    }

    [Fact]
    public void A_connection_string_hides_its_password_in_the_name()
    {
        var spec = TargetSpec.Parse("Server=db.example;Port=4000;User ID=root;Password=s3cret");
        Assert.Equal(TargetKind.ConnectionString, spec.Kind);
        Assert.DoesNotContain("s3cret", spec.DisplayName, StringComparison.Ordinal);
        Assert.Contains("db.example", spec.DisplayName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("local:postgres")]
    [InlineData("container:mysql:")]
    [InlineData("mariadb")]
    [InlineData("local:mariadb:10.7")]
    [InlineData("local:mariadb:")]
    [InlineData("local:mysql:8.0")]
    public void Bad_specs_are_client_errors(string text) => Assert.Throws<TargetSpecException>(() => TargetSpec.Parse(text));

    [Theory]
    [InlineData("8.0.11-TiDB-v7.5.4", "", ServerFlavor.TiDb)]
    [InlineData("10.11.19-MariaDB-0+deb12u1", "Debian 12", ServerFlavor.MariaDb)]
    [InlineData("8.0.40", "MySQL Community Server - GPL", ServerFlavor.MySql)]
    [InlineData("5.7.25-OceanBase-v4", "OceanBase", ServerFlavor.Other)]
    public void Flavours_are_told_apart(string version, string comment, ServerFlavor flavor) =>
        Assert.Equal(flavor, FlavorDetector.Classify(version, comment));

    [Theory]
    [InlineData(-0.0, "-0")]
    [InlineData(0.0, "0")]
    [InlineData(1e20, "1e20")]
    [InlineData(1e15, "1e15")]
    [InlineData(123456789012345.0, "123456789012345")]
    [InlineData(0.00001, "0.00001")]
    [InlineData(1e-16, "1e-16")]
    [InlineData(-1.5e-300, "-1.5e-300")]
    [InlineData(12.991, "12.991")]
    public void Doubles_are_written_the_servers_way(double value, string text) => Assert.Equal(text, CellText.Double(value));

    [Fact]
    public void The_pinning_statement_is_one_set()
    {
        Assert.Equal(
            "SET SESSION sql_mode='STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', time_zone='+00:00', NAMES utf8mb4 COLLATE utf8mb4_general_ci, sql_select_limit=18446744073709551615",
            SessionPinning.SetStatement(SessionSettings.Default));
    }
}
