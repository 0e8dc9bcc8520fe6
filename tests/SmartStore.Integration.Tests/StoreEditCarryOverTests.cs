using SmartStore.Models;
using SmartStore.Web.Pages;

namespace SmartStore.Integration.Tests;

/// <summary>A store edit refused because the store changed meanwhile keeps this person's changes where they do not clash.</summary>
public sealed class StoreEditCarryOverTests
{
    private static readonly StoreEditCarryOver.Words Words = new(key => key, day => $"day{day}", "closed", "remove", "gone");
    private static readonly DayHours Usual = new(new TimeOnly(9, 0), new TimeOnly(21, 0), Closed: false);

    private static Store Opened() => new("X1", "老店", "EAST", "上海", "黄浦路1号", 31.2, 121.5, ["mall"],
        new OpeningHours(Enumerable.Repeat(Usual, 7).ToList(),
            [new OpeningException(new DateOnly(2027, 5, 1), new DateOnly(2027, 5, 3), DayHours.ClosedAllDay, "劳动节")]),
        "Asia/Shanghai", 6);

    private static StoreProfileForm Form(Store store) => StoreProfileForm.Of(store);

    [Fact]
    public void Own_changes_go_back_onto_the_store_as_it_is_now_where_the_other_change_left_them_alone()
    {
        var opened = Opened();
        var typed = Form(opened);
        typed.Name = "新店名";
        typed.Days[0].Open = "8:00"; // typed without the leading zero: still a change from 09:00
        typed.Tags = ["mall", "flagship"];
        typed.Added = new() { From = new DateOnly(2027, 6, 1), To = new DateOnly(2027, 6, 1), Closed = true, Reason = "盘点" };

        // Meanwhile head office set 春节 for every store and took the store off "mall".
        var now = opened with
        {
            Tags = [],
            OpeningHours = opened.OpeningHours with
            {
                Exceptions = [.. opened.OpeningHours.Exceptions, new OpeningException(new DateOnly(2027, 2, 6), new DateOnly(2027, 2, 12), DayHours.ClosedAllDay, "春节")],
            },
        };
        var result = StoreEditCarryOver.Apply(Form(opened), typed, Form(now), Words);

        Assert.Equal("新店名", result.Form.Name);
        Assert.Equal("8:00", result.Form.Days[0].Open);
        Assert.Equal("09:00", result.Form.Days[1].Open);
        Assert.Equal(["flagship"], result.Form.Tags); // their removal of "mall" stands, this person's "flagship" added
        Assert.Equal(["劳动节", "春节"], result.Form.Special.Select(s => s.Reason));
        Assert.Equal("盘点", result.Form.Added.Reason);
        Assert.Equal(["name", "tags", "day0", "addedSpecialHours"], result.Put.Select(p => p.Label));
        Assert.Equal(["Name", "Tags", "Days[0]", "Added"], result.Put.Select(p => p.Field));
        Assert.Empty(result.Clashes);
    }

    [Fact]
    public void A_field_both_changed_keeps_the_other_change_and_names_the_clash()
    {
        var opened = Opened();
        var typed = Form(opened);
        typed.Name = "我的店名";
        typed.Days[2] = new() { Open = "10:00", Close = "22:00" };
        typed.StaffCount = 8;
        var now = opened with
        {
            Name = "总部的店名",
            OpeningHours = opened.OpeningHours with { Weekly = opened.OpeningHours.Weekly.Select((d, i) => i == 2 ? DayHours.ClosedAllDay : d).ToList() },
        };
        var result = StoreEditCarryOver.Apply(Form(opened), typed, Form(now), Words);

        Assert.Equal("总部的店名", result.Form.Name);
        Assert.True(result.Form.Days[2].Closed);
        Assert.Equal(8, result.Form.StaffCount);
        Assert.Equal([new StoreEditCarryOver.Clash("name", "我的店名", "总部的店名", "Name"), new("day2", "10:00–22:00", "closed", "Days[2]")], result.Clashes);
        Assert.Equal(["staff"], result.Put.Select(p => p.Label));
    }

    [Fact]
    public void A_range_edited_or_removed_is_changed_where_it_is_still_as_opened_and_a_clash_where_the_other_change_altered_it()
    {
        var opened = Opened() with
        {
            OpeningHours = Opened().OpeningHours with
            {
                Exceptions =
                [
                    new OpeningException(new DateOnly(2027, 5, 1), new DateOnly(2027, 5, 3), DayHours.ClosedAllDay, "劳动节"),
                    new OpeningException(new DateOnly(2027, 10, 1), new DateOnly(2027, 10, 7), Usual, "国庆"),
                    new OpeningException(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31), DayHours.ClosedAllDay, "装修", Weekdays.Monday),
                ],
            },
        };
        var typed = Form(opened);
        typed.Special[0].Remove = true;                    // still there as opened: removed
        typed.Special[1].Close = "18:00";                   // still there as opened: changed
        typed.Special[2].Reason = "商场装修";               // the other change moved it to April: a clash
        var now = opened with
        {
            OpeningHours = opened.OpeningHours with
            {
                Exceptions =
                [
                    new OpeningException(new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 30), DayHours.ClosedAllDay, "装修", Weekdays.Monday),
                    new OpeningException(new DateOnly(2027, 5, 1), new DateOnly(2027, 5, 3), DayHours.ClosedAllDay, "劳动节"),
                    new OpeningException(new DateOnly(2027, 10, 1), new DateOnly(2027, 10, 7), Usual, "国庆"),
                ],
            },
        };
        var result = StoreEditCarryOver.Apply(Form(opened), typed, Form(now), Words);

        Assert.Equal(["装修", "国庆"], result.Form.Special.Select(s => s.Reason));
        Assert.Equal("18:00", result.Form.Special[1].Close);
        Assert.Equal("2027-04-01", $"{result.Form.Special[0].From:yyyy-MM-dd}");
        var clash = Assert.Single(result.Clashes);
        Assert.Equal("specialHours 2027-03-01–2027-03-31 day0 closed 装修", clash.Label);
        Assert.Equal(("2027-03-01–2027-03-31 day0 closed 商场装修", "gone"), (clash.Typed, clash.Now));
        // The changed 国庆 row is marked where it now stands (second, after the removal); the removed one has no row.
        Assert.Equal([null, "Special[1]"], result.Put.Select(p => p.Field));
    }

    [Fact]
    public void Nothing_typed_differently_puts_nothing_back_and_a_range_already_added_meanwhile_is_not_added_twice()
    {
        var opened = Opened();
        var typed = Form(opened);
        typed.Added = new() { From = new DateOnly(2027, 2, 6), To = new DateOnly(2027, 2, 12), Closed = true, Reason = "春节" };
        var now = opened with
        {
            Name = "总部的店名",
            OpeningHours = opened.OpeningHours with
            {
                Exceptions = [.. opened.OpeningHours.Exceptions, new OpeningException(new DateOnly(2027, 2, 6), new DateOnly(2027, 2, 12), DayHours.ClosedAllDay, "春节")],
            },
        };
        var result = StoreEditCarryOver.Apply(Form(opened), typed, Form(now), Words);

        Assert.Equal("总部的店名", result.Form.Name);
        Assert.Null(result.Form.Added.From);
        Assert.Equal(2, result.Form.Special.Count);
        Assert.Empty(result.Put);
        Assert.Empty(result.Clashes);
    }
}
