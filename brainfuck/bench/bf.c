/* A plain C Brainfuck interpreter, the peer of bin/brainfuck in the
   benchmark (docs/your-own-language.md): the same design as
   brainfuck/interpreter.py (comments dropped, each bracket's partner
   precomputed, one switch per instruction, cells of a byte, a tape growing
   to the right, '<' off the left end an error, ',' at the end of the input
   leaving the cell), without a JIT.  cc -O2 -o bf bf.c; ./bf PROG.b */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: bf PROG.b\n"); return 64; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { fprintf(stderr, "bf: cannot read %s\n", argv[1]); return 74; }
    size_t cap = 4096, n = 0, depth = 0;
    char *code = malloc(cap);
    int c;
    while ((c = getc(f)) != EOF)
        if (strchr("<>+-.,[]", c) && c) {
            if (n == cap) code = realloc(code, cap *= 2);
            code[n++] = (char)c;
        }
    fclose(f);
    size_t *target = malloc((n + 1) * sizeof *target), *stack = malloc((n + 1) * sizeof *stack);
    for (size_t pc = 0; pc < n; pc++) {
        if (code[pc] == '[') stack[depth++] = pc;
        else if (code[pc] == ']') {
            if (!depth) { fprintf(stderr, "bf: unbalanced ]\n"); return 65; }
            size_t start = stack[--depth];
            target[start] = pc; target[pc] = start;
        }
    }
    if (depth) { fprintf(stderr, "bf: unbalanced [\n"); return 65; }
    size_t size = 1, pointer = 0;
    unsigned char *tape = calloc(size, 1);
    for (size_t pc = 0; pc < n; pc++) {
        switch (code[pc]) {
        case '>':
            if (++pointer == size) {
                tape = realloc(tape, size * 2);
                memset(tape + size, 0, size);
                size *= 2;
            }
            break;
        case '<':
            if (pointer-- == 0) { fprintf(stderr, "bf: '<' left of the first cell\n"); return 70; }
            break;
        case '+': tape[pointer]++; break;
        case '-': tape[pointer]--; break;
        case '.': putchar(tape[pointer]); break;
        case ',': if ((c = getchar()) != EOF) tape[pointer] = (unsigned char)c; break;
        case '[': if (!tape[pointer]) pc = target[pc]; break;
        case ']': if (tape[pointer]) pc = target[pc]; break;
        }
    }
    return 0;
}
