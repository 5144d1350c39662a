// The floor under a full build's reading and rendering, for bench.py: the C libraries jobfeed
// builds on doing their own part of the work on the same postings and nothing else. Each
// posting file is read; its YAML front matter goes through libyaml's event parser (what Yams
// composes its nodes from); its Markdown body is parsed by cmark-gfm with the extensions
// jobfeed attaches and rendered to HTML. WORKERS processes (not threads: cmark-gfm's extensions
// race on a process-wide table) take every WORKERS-th file each, as a build's cores would.
// Nothing is mapped, checked, escaped or written: no build that uses these libraries can read
// and render the postings with less.
// Usage: library_floor LIST WORKERS (LIST: a file of posting paths, one a line). Prints what
// was done; bench.py times the whole, whose CPU time counts the workers'.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml.h>

static const char *extensions[] = {"autolink", "table", "strikethrough"};

static long read_file(const char *path, char **bytes) {
    FILE *file = fopen(path, "rb");
    if (!file) return -1;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    rewind(file);
    *bytes = malloc(size + 1);
    size_t got = fread(*bytes, 1, size, file);
    fclose(file);
    (*bytes)[got] = 0;
    return (long)got;
}

static size_t yaml_events(const char *text, size_t length) {
    yaml_parser_t parser;
    yaml_event_t event;
    size_t count = 0;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, length);
    while (yaml_parser_parse(&parser, &event)) {
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        count++;
        if (done) break;
    }
    yaml_parser_delete(&parser);
    return count;
}

static size_t html_length(const char *markdown) {
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_UNSAFE);
    for (int i = 0; i < 3; i++) cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(extensions[i]));
    cmark_parser_feed(parser, markdown, strlen(markdown));
    cmark_node *document = cmark_parser_finish(parser);
    char *html = cmark_render_html(document, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser));
    size_t length = strlen(html);
    free(html);
    cmark_node_free(document);
    cmark_parser_free(parser);
    return length;
}

static void work(const char *list, int worker, int workers) {
    FILE *paths = fopen(list, "r");
    char path[4096];
    size_t files = 0, events = 0, html = 0;
    for (long line = 0; paths && fgets(path, sizeof path, paths); line++) {
        if (line % workers != worker) continue;
        path[strcspn(path, "\n")] = 0;
        char *bytes;
        if (read_file(path, &bytes) < 0) continue;
        // Front matter between a first line `---` and the next line that is `---`.
        char *start = strncmp(bytes, "---\n", 4) == 0 ? bytes + 4 : NULL;
        char *end = start ? strstr(start - 1, "\n---") : NULL;
        if (end) {
            events += yaml_events(start, (size_t)(end + 1 - start));
            char *body = strchr(end + 1, '\n');
            html += html_length(body ? body + 1 : "");
        } else {
            html += html_length(bytes);
        }
        free(bytes);
        files++;
    }
    if (paths) fclose(paths);
    printf("worker %d: %zu files, %zu YAML events, %zu bytes of HTML\n", worker, files, events, html);
}

int main(int argc, char **argv) {
    if (argc < 3) return 2;
    int workers = atoi(argv[2]);
    cmark_gfm_core_extensions_ensure_registered();
    fflush(stdout);
    for (int worker = 0; worker < workers; worker++) {
        if (fork() == 0) {
            work(argv[1], worker, workers);
            fflush(stdout);
            _exit(0);
        }
    }
    int status, failed = 0;
    while (wait(&status) > 0) failed |= !WIFEXITED(status) || WEXITSTATUS(status) != 0;
    return failed;
}
