package io.kanisterhooks.jenkins.test

import com.lesfurets.jenkins.unit.global.lib.SourceRetriever

/** Serves the library straight from the project directory (LocalSource would want a name@version directory). */
class ProjectDirSource implements SourceRetriever {
    File dir

    @Override
    List<URL> retrieve(String repository, String branch, String targetPath) {
        return [dir.toURI().toURL()]
    }
}
