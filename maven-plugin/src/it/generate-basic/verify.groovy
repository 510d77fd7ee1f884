import groovy.io.FileType
import java.util.jar.JarFile

File log = new File(basedir, 'build.log')
File jar = new File(basedir, 'target/generate-basic-1.jar')
assert jar.isFile() : 'the first build packaged no jar'

List<String> entries = new JarFile(jar).withCloseable { it.entries().collect { e -> e.name } }
assert entries.contains('META-INF/services/dev.turnpike.runtime.model.GeneratedApi') : entries
assert entries.any { it.startsWith('turnpike/generated/petstore/') && it.endsWith('.class') } : entries

String text = log.text
assert text.count('Turnpike: generated turnpike.generated.petstore.') == 1 : 'the first build generates, the second does not'
assert text.count('Turnpike: 1 OpenAPI definition(s) up to date, nothing generated') == 1

// The second build rewrote nothing: no generated source or resource, and no class javac would have recompiled,
// is newer than the jar the first build made after generating and compiling.
List<File> newer = []
['target/generated-sources/turnpike', 'target/generated-resources/turnpike', 'target/classes'].each { path ->
    File folder = new File(basedir, path)
    assert folder.isDirectory() : path
    folder.eachFileRecurse(FileType.FILES) { if (it.lastModified() > jar.lastModified()) newer << it }
}
assert newer.isEmpty() : "rewritten by the second build: $newer"
return true
