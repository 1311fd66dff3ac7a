package dev.shifter.examples.quickstart

import dev.shifter.ctgan.types.CtganConfig
import dev.shifter.ctgan.CtganTrainer
import dev.shifter.io.Tables
import dev.shifter.shift.GeneratorLoaders
import dev.shifter.shift.ShifterConfig
import dev.shifter.shift.ShifterTrainer
import dev.shifter.shift.TargetReport
import dev.shifter.shift.Targets
import java.nio.file.Path
import org.apache.arrow.memory.RootAllocator

/**
 * The README's quick start in Kotlin, the same job as the Java `Quickstart.run`: fit a CTGAN, train a
 * Shifter for an older mean age and a stronger age~hours correlation, write 5,000 shifted rows.
 */
fun quickstart(csv: Path, work: Path, ctgan: CtganConfig, shifter: ShifterConfig): List<TargetReport> =
    RootAllocator().use { allocator ->
        Tables.read(csv, allocator).use { data ->
            CtganTrainer.builder().setData(data).optConfig(ctgan).build().fit().use { model ->
                model.save(work.resolve("model"))
            }
        }
        val targets = Targets.parse("""{"mean": {"age": 42}, "cor": {"age~hours-per-week": 0.2}}""")
        GeneratorLoaders.load(work.resolve("model")).use { generator ->
            ShifterTrainer.builder().setGenerator(generator).setTargets(targets).optConfig(shifter)
                .build().train().use { trained ->
                    trained.generate(allocator, 5_000, 1).use { shifted ->
                        Tables.write(shifted.table(), work.resolve("shifted.csv"))
                        shifted.report()
                    }
                }
        }
    }
