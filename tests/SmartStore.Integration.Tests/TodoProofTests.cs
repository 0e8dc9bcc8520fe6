using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SkiaSharp;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>整改照片: a store shows a to-do put right with a photo; the reviewer sees it, scaled; a bad photo closes nothing.</summary>
[Collection(SystemCollection.Name)]
public sealed class TodoProofTests(SmartStoreSystem system)
{
    [Fact]
    public async Task A_store_closes_a_todo_with_a_photo_kept_upright_and_scaled_and_a_bad_photo_keeps_it_open()
    {
        using var admin = await system.SignedIn("admin");
        using var manager = await system.SignedIn("s0001");
        var id = await Raise(admin, "S0001", "冷柜价签缺失，请补齐");

        // Not a JPEG: said so in Chinese, and the to-do stays open.
        var refused = await CloseOnPage(manager, id, "已补齐", "proof.png", Encoding.UTF8.GetBytes("not a jpeg"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("照片不是 JPEG 图片，待办未关闭。", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.True((await Todo(admin, "S0001", id))["open"]!.GetValue<bool>());

        // A phone's photo, 2,400 × 1,800: closed with it, kept 1,280 wide; the reviewer's page shows it.
        var closed = await CloseOnPage(manager, id, "已补齐价签", "IMG_0001.jpg", Photo(2400, 1800));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var done = await Todo(admin, "S0001", id);
        Assert.False(done["open"]!.GetValue<bool>());
        Assert.Equal($"/api/todos/{id}/proof", done["proof"]!.GetValue<string>());
        using (var kept = SKBitmap.Decode(await admin.GetByteArrayAsync($"/api/todos/{id}/proof")))
            Assert.Equal((1280, 960), (kept.Width, kept.Height));
        Assert.Contains($"href=\"/api/todos/{id}/proof\"", await admin.GetStringAsync("/inspections?store=S0001"));
        // The list shows a smaller copy.
        using (var thumb = SKBitmap.Decode(await admin.GetByteArrayAsync($"/api/todos/{id}/proof?width=320")))
            Assert.Equal(320, thumb.Width);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/todos/{id}/proof?width=5000")).StatusCode);
    }

    [Fact]
    public async Task An_integration_closes_a_todo_then_sends_its_photo_which_only_the_stores_viewers_get()
    {
        using var admin = await system.SignedIn("admin");
        var id = await Raise(admin, "S0018", "门头灯箱不亮，请报修");
        var photo = Photo(800, 600);

        // An open to-do takes no photo: it is closed first.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsync($"/api/todos/{id}/proof", Jpeg(photo))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJson($"/api/todos/{id}/done", new { note = "已报修，明日更换" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsync($"/api/todos/{id}/proof", Jpeg(photo[..(photo.Length / 2)]))).StatusCode);
        var sent = await admin.PutAsync($"/api/todos/{id}/proof", Jpeg(photo));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal($"/api/todos/{id}/proof", (await sent.Json())["proof"]!.GetValue<string>());
        using (var kept = SKBitmap.Decode(await admin.GetByteArrayAsync($"/api/todos/{id}/proof")))
            Assert.Equal(800, kept.Width); // never enlarged

        // S0018 is in the North: the East's region manager gets no photo of it.
        using var east = await system.SignedIn("east");
        Assert.Equal(HttpStatusCode.Forbidden, (await east.GetAsync($"/api/todos/{id}/proof")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await east.PutAsync($"/api/todos/{id}/proof", Jpeg(photo))).StatusCode);
    }

    private static async Task<long> Raise(HttpClient admin, string store, string text)
    {
        var raised = await admin.PostJson("/api/todos", new { store, text });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        return (await raised.Json())["id"]!.GetValue<long>();
    }

    private static async Task<JsonNode> Todo(HttpClient client, string store, long id) =>
        (await (await client.GetAsync($"/api/todos?store={store}")).Json())["todos"]!.AsArray().Single(t => t!["id"]!.GetValue<long>() == id)!;

    /// <summary>The page's done form, as a phone sends it: the note and the photo in one multipart post.</summary>
    private static async Task<HttpResponseMessage> CloseOnPage(HttpClient client, long id, string note, string fileName, byte[] bytes)
    {
        var page = "/inspections?store=S0001";
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var form = new MultipartFormDataContent
        {
            { new StringContent(await PageForms.Token(client, page)), PageForms.TokenField },
            { new StringContent(note), "note" },
            { file, "proof", fileName },
        };
        return await client.PostAsync($"/inspections?handler=Done&id={id}&store=S0001", form);
    }

    /// <summary>A real shelf photo enlarged to a phone camera's size.</summary>
    internal static byte[] Photo(int width, int height)
    {
        var source = Path.Combine(SharedData.Shared, "data", "grocery-store", "images", "train", "Packages", "Milk", "Arla-Standard-Milk", "Arla-Standard-Milk_005.jpg");
        using var original = SKBitmap.Decode(source);
        using var resized = original.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKFilterMode.Linear));
        using var image = SKImage.FromBitmap(resized);
        return image.Encode(SKEncodedImageFormat.Jpeg, 85).ToArray();
    }

    internal static ByteArrayContent Jpeg(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return content;
    }
}
