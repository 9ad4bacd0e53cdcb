#include <stdio.h>
int main(void) { puts("airunner " AIRUNNER_VERSION); return 0; }
