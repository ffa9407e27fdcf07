//go:build ignore

// spawn.go: spawn-heavy fan-out: main starts N short goroutines (each works on its own
// 16 words) and waits with a WaitGroup. Reports ns per task. Mirror of ../rc/spawn.c.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

const taskWords = 16

func task(d []int64, seed int64) int64 {
	for i := 0; i < taskWords; i++ {
		d[i] = seed + int64(i)
	}
	var s int64
	for i := 0; i < taskWords; i++ {
		s += d[i] * d[i]
	}
	return s
}

func main() {
	n := 100000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	data := make([]int64, n*taskWords)
	res := make([]int64, n)
	var wg sync.WaitGroup
	t0 := time.Now()
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func(i int) {
			res[i] = task(data[i*taskWords:(i+1)*taskWords], int64(i))
			wg.Done()
		}(i)
	}
	wg.Wait()
	el := time.Since(t0)
	fmt.Printf("RESULT spawn ns_per_op=%.1f total_ms=%.1f\n", float64(el.Nanoseconds())/float64(n), float64(el.Nanoseconds())/1e6)
	var sum int64
	for _, r := range res {
		sum += r
	}
	fmt.Fprintf(os.Stderr, "spawn: sum %d\n", sum)
}
