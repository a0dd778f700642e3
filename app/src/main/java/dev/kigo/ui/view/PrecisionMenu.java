package dev.kigo.ui.view;

import dev.kigo.model.ModelVariant;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * File › Model precision: the variants of the open model's folder (fp16, int8, int4: sub-folders made by
 * kigo_recipe.quantize), the open one checked. Listed each time the menu opens, so a variant made while the studio
 * runs shows up; choosing one loads it like any model folder.
 */
public final class PrecisionMenu extends Menu {
    public PrecisionMenu(Supplier<Path> openFolder, Consumer<Path> load) {
        super("Model precision");
        setId("menu-precision");
        // A menu with no items never opens, so it always holds at least its placeholder.
        getItems().add(new MenuItem("…"));
        setOnShowing(event -> list(openFolder.get(), load));
    }

    private void list(Path open, Consumer<Path> load) {
        List<ModelVariant> variants = ModelVariant.of(open);
        Path current = open.toAbsolutePath().normalize();
        ToggleGroup group = new ToggleGroup();
        getItems().clear();
        for (ModelVariant variant : variants) {
            RadioMenuItem item = new RadioMenuItem(variant.label());
            item.setToggleGroup(group);
            item.setSelected(variant.folder().toAbsolutePath().normalize().equals(current));
            item.setOnAction(event -> load.accept(variant.folder()));
            getItems().add(item);
        }
        if (variants.size() < 2) {
            MenuItem none = new MenuItem("No quantized variants (model-assets/recipe: kigo_recipe.quantize)");
            none.setDisable(true);
            getItems().add(none);
        }
    }
}
